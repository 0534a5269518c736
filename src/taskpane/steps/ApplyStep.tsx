// Step 4 — Apply: grade and write back, with a progress bar by block and Cancel; then the results: tier
// mix, moves, and the data issues, each of which shows its cell.
import { Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { periodWindow } from '../../core/aggregate/period.ts';
import { serialToIsoDate } from '../../core/values/serial-date.ts';
import type { ApplyView, Progress } from '../../run/pane-api.ts';
import type { PaneError } from '../../run/pane-api.ts';
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
  /** The review period graded for (shared with Summaries): the policy keeps tiers for it. Blank: none. */
  period: string;
  /** The latest date in the data (Excel serial), which the default period holds; null when the data has none. */
  asOf?: number | null;
  onPeriodChange(period: string): void;
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

export function ApplyStep({ period, asOf, onPeriodChange, result, running, progress, error, disabled, disabledReason, onApply, onCancel, onShowCell }: ApplyStepProps) {
  const s = useStyles();
  const t = useT();
  const valid = period.trim() === '' || periodWindow(period.trim()) !== null;
  return (
    <div className={s.step}>
      <Text>{t.t('applyIntro')}</Text>
      <Field
        label={t.t('periodLabel')}
        hint={valid ? (asOf != null ? `${t.t('applyPeriodAsOf', { date: serialToIsoDate(asOf) })} ${t.t('applyPeriodHint')}` : t.t('applyPeriodHint')) : undefined}
        validationState={valid ? 'none' : 'error'}
        validationMessage={valid ? undefined : t.t('periodInvalid', { value: period })}
      >
        <Input value={period} onChange={(_, d) => onPeriodChange(d.value)} data-testid="apply-period" />
      </Field>
      <RunControls label={result ? t.t('applyAgain') : t.t('applyButton')} running={running} progress={progress} disabled={disabled || !valid} onRun={onApply} onCancel={onCancel} />
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
          {result.kept > 0 && (
            <Text data-testid="apply-kept" data-count={result.kept}>
              {t.t('keptCount', { count: t.num(result.kept) })} · {t.t('keptHint')}
            </Text>
          )}
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
