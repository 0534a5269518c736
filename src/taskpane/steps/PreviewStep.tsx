// Step 3 — Preview (what-if): the tier mix under the edited rules beside the last applied grading, how many
// customers would move, and the data issues found, each showing its cell. Nothing is written; the shell re-runs
// it whenever the rules change.
import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { PreviewView } from '../../run/session.ts';
import type { PaneError } from '../../run/pane-api.ts';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { IssueList } from '../components/IssueList.tsx';
import { MixChart } from '../components/MixChart.tsx';
import { Moves } from '../components/Moves.tsx';
import { Section } from '../components/Section.tsx';
import { useT } from '../i18n.tsx';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  sub: { color: tokens.colorNeutralForeground3 },
});

export interface PreviewStepProps {
  preview: PreviewView | null;
  loading: boolean;
  error: PaneError | null;
  /** Compact: the strip under the rules editor (no intro, no issue list). */
  compact?: boolean;
  onShowCell?(sheet: string, cell: string): void;
}

export function PreviewStep({ preview, loading, error, compact, onShowCell = () => {} }: PreviewStepProps) {
  const s = useStyles();
  const t = useT();
  return (
    <div className={s.step} aria-busy={loading} data-testid={compact ? 'preview-strip' : 'preview'}>
      {!compact && <Text>{t.t('previewIntro')}</Text>}
      <ErrorBar error={error} />
      {!preview && loading && <Spinner label={t.t('loading')} />}
      {preview && (
        <>
          <Section title={t.t('tierMix')} id={compact ? 'strip-mix' : 'preview-mix'}>
            <MixChart mix={preview.mix} lastApplied={preview.lastApplied} />
            {preview.mix.revenueLabel && !compact && (
              <Text size={200} className={s.sub}>
                {t.t('revenueTotal', { label: t.l(preview.mix.revenueLabel), value: t.money(preview.mix.totalRevenue, preview.mix.currency) })}
              </Text>
            )}
            {preview.kept > 0 && !compact && (
              <Text size={200} className={s.sub} data-testid="preview-kept" data-count={preview.kept}>
                {t.t('keptCount', { count: t.num(preview.kept) })} · {t.t('keptHint')}
              </Text>
            )}
          </Section>
          <Section title={t.t('movesVsLast')} id={compact ? 'strip-moves' : 'preview-moves'}>
            <Moves moves={preview.moves} />
          </Section>
          {!compact && (
            <Section title={`${t.t('issuesTitle')} (${t.num(preview.issueCount)})`} id="preview-issues">
              <IssueList issues={preview.issues} total={preview.issueCount} onShow={onShowCell} unwritten />
            </Section>
          )}
          {loading && <Spinner size="tiny" aria-label={t.t('loading')} />}
        </>
      )}
    </div>
  );
}
