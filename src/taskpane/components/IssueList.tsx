// Data issues, each a button that shows its cell (selects it in Excel; scrolls the standalone grid).
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { IssueView } from '../../run/session.ts';
import { useT } from '../i18n.tsx';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxHeight: '320px', overflowY: 'auto' },
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  cell: { minWidth: '64px', flexShrink: 0, fontFamily: tokens.fontFamilyMonospace },
  text: { wordBreak: 'break-word' },
});

export interface IssueListProps {
  issues: IssueView[];
  total: number;
  onShow(sheet: string, cell: string): void;
  /** Not written yet (the preview): the Data issues column does not exist until Apply. */
  unwritten?: boolean;
}

export function IssueList({ issues, total, onShow, unwritten }: IssueListProps) {
  const s = useStyles();
  const t = useT();
  if (total === 0) return <Text>{t.t('issuesNone')}</Text>;
  return (
    <>
      <ul className={s.list} aria-label={t.t('issuesTitle')} data-testid="issue-list">
        {issues.map((x, i) => (
          <li key={i} className={s.item}>
            {x.sheet && x.cell ? (
              <Button size="small" appearance="subtle" className={s.cell} onClick={() => onShow(x.sheet!, x.cell!)} aria-label={t.t('showCell', { cell: `${x.sheet}!${x.cell}` })}>
                {x.cell}
              </Button>
            ) : (
              <span className={s.cell} />
            )}
            <Text size={200} className={s.text}>
              {t.l(x.message)}
            </Text>
          </li>
        ))}
      </ul>
      {total > issues.length && <Text size={200}>{t.t(unwritten ? 'issuesMoreUnwritten' : 'issuesMore', { count: total - issues.length })}</Text>}
    </>
  );
}
