// Step 5 — Summaries: the period's snapshot in the history, then tier mix, movement and churn (PivotTables
// and a chart inside Excel, static tables elsewhere). The period label is chosen here.
import { Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { periodWindow } from '../../core/aggregate/period.ts';
import type { Progress, SummariesView } from '../../run/pane-api.ts';
import type { PaneError } from '../../run/pane-api.ts';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { MixChart } from '../components/MixChart.tsx';
import { Moves } from '../components/Moves.tsx';
import { Section } from '../components/Section.tsx';
import { useT } from '../i18n.tsx';
import { RunControls } from '../components/RunProgress.tsx';
import { NextSteps } from '../components/NextSteps.tsx';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export interface SummariesStepProps {
  period: string;
  onPeriodChange(period: string): void;
  result: SummariesView | null;
  running: boolean;
  progress: Progress | null;
  error: PaneError | null;
  disabled?: boolean;
  onBuild(): void;
  onCancel(): void;
  /** Select a range in Excel, or move the standalone grid to it. */
  onShowCell?(sheet: string, range: string): void;
}

export function SummariesStep({ period, onPeriodChange, result, running, progress, error, disabled, onBuild, onCancel, onShowCell }: SummariesStepProps) {
  const s = useStyles();
  const t = useT();
  const valid = periodWindow(period.trim()) !== null;
  return (
    <div className={s.step}>
      <Text>{t.t('summariesIntro')}</Text>
      <Field
        label={t.t('periodLabel')}
        hint={valid ? t.t('periodHint') : undefined}
        validationState={valid ? 'none' : 'error'}
        validationMessage={valid ? undefined : t.t('periodInvalid', { value: period })}
      >
        <Input value={period} onChange={(_, d) => onPeriodChange(d.value)} />
      </Field>
      <RunControls label={t.t('summariesButton')} running={running} progress={progress} disabled={!valid || disabled} onRun={onBuild} onCancel={onCancel} />
      <ErrorBar error={error} />
      {result && !running && (
        <>
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              {t.t('summariesDone', { period: result.period, sheets: result.sheets.join(t.lang === 'zh-CN' ? '、' : ', ') })}
              {result.native && <> {t.t('summariesNative')}</>}
            </MessageBarBody>
          </MessageBar>
          {result.notice && (
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>{t.l(result.notice)}</MessageBarBody>
            </MessageBar>
          )}
          {result.kept > 0 && (
            <Text data-testid="summaries-kept" data-count={result.kept}>
              {t.t('keptCount', { count: t.num(result.kept) })}
            </Text>
          )}
          <Section title={t.t('tierMix')} id="summaries-mix">
            <MixChart mix={result.mix} />
          </Section>
          <Section title={result.previousPeriod ? t.t('comparedWith', { period: result.previousPeriod }) : t.t('movesVsLast')} id="summaries-moves">
            {result.previousPeriod ? <Moves moves={result.moves} /> : <Text>{t.t('firstPeriod')}</Text>}
          </Section>
          {result.next && <NextSteps view={result.next} onShow={(sheet, range) => onShowCell?.(sheet, range)} />}
        </>
      )}
    </div>
  );
}
