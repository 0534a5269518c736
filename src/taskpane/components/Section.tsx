// A titled block inside a step.
import { Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const s = useStyles();
  return (
    <section className={s.section} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}
