// The tier mix as horizontal bars: customers per tier under the current rules, and beside each the count
// from the last applied grading when there is one. The numbers are text; the bars only illustrate them.
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { MixView } from '../../run/session.ts';
import { useT } from '../i18n.tsx';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexDirection: 'column', gap: '2px' },
  head: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  track: { height: '10px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall, overflow: 'hidden' },
  // Tier colours are the user's (often pale: silver, light green): an outline keeps the bar visible on the track.
  bar: { height: '100%', boxSizing: 'border-box', borderRadius: tokens.borderRadiusSmall, minWidth: '2px', border: `1px solid ${tokens.colorNeutralStrokeAccessible}` },
  last: { height: '4px', backgroundColor: tokens.colorNeutralForeground3, borderRadius: tokens.borderRadiusSmall, marginTop: '1px' },
  swatch: { display: 'inline-block', width: '10px', height: '10px', borderRadius: '2px', marginInlineEnd: tokens.spacingHorizontalXS, border: `1px solid ${tokens.colorNeutralStroke1}` },
  flag: { color: tokens.colorPaletteDarkOrangeForeground1 },
  sub: { color: tokens.colorNeutralForeground3 },
});

export interface MixChartProps {
  mix: MixView;
  /** Customers per tier label from the last applied grading (null: never graded). */
  lastApplied?: { label: string; customers: number }[] | null;
}

export function MixChart({ mix, lastApplied }: MixChartProps) {
  const s = useStyles();
  const t = useT();
  const lastBy = new Map((lastApplied ?? []).map((x) => [x.label.trim(), x.customers]));
  const lastOf = (label: { 'zh-CN': string; 'en-US': string }) => lastBy.get(label['zh-CN']) ?? lastBy.get(label['en-US']);
  const max = Math.max(1, ...mix.bars.map((b) => Math.max(b.customers, lastOf(b.label) ?? 0)));
  return (
    <>
      <ul className={s.list} aria-label={t.t('mixChartLabel')} data-testid="mix-chart">
        {mix.bars.map((b) => {
          const last = lastApplied ? lastOf(b.label) ?? 0 : undefined;
          const flag = b.outside && b.expected ? (b.share > b.expected.max ? t.t('aboveExpected') : t.t('belowExpected')) : null;
          return (
            <li key={b.tier} className={s.row} data-tier={b.tier} data-count={b.customers}>
              <div className={s.head}>
                <Text weight="semibold">
                  <span className={s.swatch} style={{ backgroundColor: b.color }} aria-hidden="true" />
                  {t.l(b.label)}
                </Text>
                <Text>
                  {t.t('customersCount', { count: b.customers })} · {t.pct(b.share)}
                  {flag && <span className={s.flag}> · {flag}</span>}
                </Text>
              </div>
              <div className={s.track} aria-hidden="true">
                <div className={s.bar} style={{ width: `${(100 * b.customers) / max}%`, backgroundColor: b.color }} />
              </div>
              {last !== undefined && (
                <>
                  <div className={s.last} style={{ width: `${(100 * last) / max}%` }} aria-hidden="true" />
                  <Text size={200} className={s.sub}>
                    {t.t('lastAppliedLabel')}: {t.t('customersCount', { count: last })}
                    {b.expected && ` · ${t.t('expectedBand', { min: t.pct(b.expected.min, 0), max: t.pct(b.expected.max, 0) })}`}
                  </Text>
                </>
              )}
              {last === undefined && b.expected && (
                <Text size={200} className={s.sub}>
                  {t.t('expectedBand', { min: t.pct(b.expected.min, 0), max: t.pct(b.expected.max, 0) })}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
      {/* One denominator everywhere (graded customers, as the 等级分布 sheet, the command line and --json): unrated on a line of their own. */}
      <div className={s.row} data-testid="mix-base">
        <Text size={200} className={s.sub}>
          {t.t('shareOfGraded', { count: t.num(mix.graded) })}
        </Text>
        {mix.unrated > 0 && (
          <Text size={200} data-testid="mix-unrated" data-count={mix.unrated}>
            {t.t('unratedCount', { count: t.num(mix.unrated) })}
          </Text>
        )}
      </div>
    </>
  );
}
