// Step 4 — Apply: grade and write back, with a progress bar by block and Cancel; then the results: tier
// mix, moves, and the data issues, each of which shows its cell.
import { MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ApplyView, Progress } from '../api.ts';
import type { PaneError } from '../api.ts';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { IssueList } from '../components/IssueList.tsx';
import { MixChart } from '../components/MixChart.tsx';
import { Moves } from '../components/Moves.tsx';
import { Section } from '../components/Section.tsx';
import { RunControls } from '../components/RunProgress.tsx';
import { useT } from '../i18n.tsx';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export interface ApplyStepProps {
  result: ApplyView | null;
  running: boolean;
  progress: Progress | null;
  error: PaneError | null;
  disabled?: boolean;
  /** Why Apply is disabled, shown under the button. */
  disabledReason?: string | null;
  onApply(): void;
  onCancel(): void;
  onShowCell(sheet: string, cell: string): void;
}

export function ApplyStep({ result, running, progress, error, disabled, disabledReason, onApply, onCancel, onShowCell }: ApplyStepProps) {
  const s = useStyles();
  const t = useT();
  return (
    <div className={s.step}>
      <Text>{t.t('applyIntro')}</Text>
      <RunControls label={result ? t.t('applyAgain') : t.t('applyButton')} running={running} progress={progress} disabled={disabled} onRun={onApply} onCancel={onCancel} />
      {disabled && disabledReason && (
        <MessageBar intent="info" layout="multiline" data-testid="apply-why">
          <MessageBarBody>{disabledReason}</MessageBarBody>
        </MessageBar>
      )}
      <ErrorBar error={error} />
      {result && !running && (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{t.t('applied', { sheet: result.sheet, count: result.mix.graded })}</MessageBarBody>
          </MessageBar>
          <Section title={t.t('tierMix')} id="apply-mix">
            <MixChart mix={result.mix} lastApplied={result.lastApplied} />
          </Section>
          <Section title={t.t('movesVsLast')} id="apply-moves">
            <Moves moves={result.moves} justGraded />
          </Section>
          {result.warnings.length > 0 && (
            <Section title={t.t('warningsTitle')} id="apply-warnings">
              {result.warnings.map((w, i) => (
                <MessageBar key={i} intent="warning" layout="multiline">
                  <MessageBarBody>{t.l(w)}</MessageBarBody>
                </MessageBar>
              ))}
            </Section>
          )}
          <Section title={`${t.t('issuesTitle')} (${t.num(result.issueCount)})`} id="apply-issues">
            <IssueList issues={result.issues} total={result.issueCount} onShow={onShowCell} />
          </Section>
        </>
      )}
    </div>
  );
}
