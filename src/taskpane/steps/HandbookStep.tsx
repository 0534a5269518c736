// Step 6 — Handbook: generate or refresh the tier-management handbook sheet (客户等级管理手册).
import { Button, MessageBar, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneError } from '../../run/pane-api.ts';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { useT } from '../i18n.tsx';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, alignItems: 'flex-start' },
});

export interface HandbookStepProps {
  sheet: string | null;
  running: boolean;
  error: PaneError | null;
  disabled?: boolean;
  onGenerate(): void;
}

export function HandbookStep({ sheet, running, error, disabled, onGenerate }: HandbookStepProps) {
  const s = useStyles();
  const t = useT();
  return (
    <div className={s.step}>
      <Text>{t.t('handbookIntro')}</Text>
      <Button appearance="primary" onClick={onGenerate} disabled={running || disabled}>
        {t.t('handbookButton')}
      </Button>
      {running && <Spinner size="tiny" label={t.t('busy')} />}
      <ErrorBar error={error} />
      {sheet && !running && (
        <MessageBar intent="success">
          <MessageBarBody>{t.t('handbookDone', { sheet })}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
