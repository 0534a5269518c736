// The progress of a long run (apply, summaries): a bar by block, the stage in words, and Cancel.
import { Button, Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { Progress } from '../../run/pane-api.ts';
import { useT, type Translator } from '../i18n.tsx';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export function stageText(t: Translator, p: Progress | null): string {
  if (!p) return '';
  const key = ({ read: 'stageRead', grade: 'stageGrade', write: 'stageWrite', history: 'stageHistory', summaries: 'stageSummaries', done: 'stageDone' } as const)[p.stage as 'read'];
  return `${key ? t.t(key) : p.stage} · ${p.done}/${p.total}`;
}

export interface RunControlsProps {
  label: string;
  running: boolean;
  progress: Progress | null;
  disabled?: boolean;
  onRun(): void;
  onCancel(): void;
}

/** The run button, Cancel while running, and the progress bar. */
export function RunControls({ label, running, progress, disabled, onRun, onCancel }: RunControlsProps) {
  const s = useStyles();
  const t = useT();
  return (
    <>
      <div className={s.row}>
        <Button appearance="primary" onClick={onRun} disabled={running || disabled}>
          {label}
        </Button>
        {running && <Button onClick={onCancel}>{t.t('cancel')}</Button>}
      </div>
      {running && (
        <Field label={t.t('progressLabel')} validationMessage={stageText(t, progress)} validationState="none">
          <ProgressBar value={progress ? progress.done / Math.max(1, progress.total) : undefined} max={1} />
        </Field>
      )}
    </>
  );
}
