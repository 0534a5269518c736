// Up / down / same counts against the last grading.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, SubtractRegular } from '@fluentui/react-icons';
import type { Moves as MovesData } from '../../run/session.ts';
import { useT } from '../i18n.tsx';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(88px, 1fr))', gap: tokens.spacingHorizontalS },
  cell: { display: 'flex', flexDirection: 'column', padding: tokens.spacingVerticalS, borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  note: { color: tokens.colorNeutralForeground3 },
});

/** `justGraded`: shown after a write, when the sheet has just had its first grading (not "never graded"). */
export function Moves({ moves, justGraded }: { moves: MovesData; justGraded?: boolean }) {
  const s = useStyles();
  const t = useT();
  if (!moves.compared) return <Text>{t.t(justGraded ? 'movesFirstGrading' : 'neverGraded')}</Text>;
  const cells = [
    { key: 'up', label: t.t('movesUp'), value: moves.up, className: s.up, icon: <ArrowUpRegular aria-hidden="true" /> },
    { key: 'down', label: t.t('movesDown'), value: moves.down, className: s.down, icon: <ArrowDownRegular aria-hidden="true" /> },
    { key: 'same', label: t.t('movesSame'), value: moves.same, className: undefined, icon: <SubtractRegular aria-hidden="true" /> },
    ...(moves.churned ? [{ key: 'churned', label: t.t('movesChurned'), value: moves.churned, className: s.down, icon: null }] : []),
    ...(moves.fresh ? [{ key: 'fresh', label: moves.definition ? t.t('movesNewCustomers') : t.t('movesNew'), value: moves.fresh, className: undefined, icon: null }] : []),
    ...(moves.unknown ? [{ key: 'unknown', label: t.t('movesUnknown'), value: moves.unknown, className: undefined, icon: null }] : []),
  ];
  return (
    <>
      <div className={s.grid} role="group" aria-label={t.t('movesVsLast')}>
        {cells.map((c) => (
          <div key={c.key} className={s.cell} data-testid={`moves-${c.key}`} data-count={c.value}>
            <Text size={200}>{c.label}</Text>
            <Text size={500} weight="semibold" className={c.className}>
              {c.icon} {t.num(c.value)}
            </Text>
          </div>
        ))}
      </div>
      {moves.definition && (
        <Text size={200} className={s.note} data-testid="moves-definition">
          {t.l(moves.definition)}
        </Text>
      )}
    </>
  );
}
