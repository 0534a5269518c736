// Points mode: per criterion a weight and value bands worth points; per tier the minimum total score.
import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { PointsMode } from '../../../core/scheme/schema.ts';
import { useT } from '../../i18n.tsx';
import type { SectionProps } from './context.tsx';
import { metricLabel, metricUnit, pathOf, setAt, tierOf, unitScale } from './draft.ts';
import { Block, NumberField } from './fields.tsx';
import { useRulesStyles } from './styles.ts';
import { unitAffixes } from './units.ts';

export function PointsEditor(props: SectionProps & { mode: PointsMode }): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  const { mode, draft, edit } = props;
  const total = mode.criteria.reduce((s, c) => s + c.weight, 0);
  return (
    <>
      {Math.abs(total - 1) > 1e-9 && <Text className={styles.hint}>{t.t('rulesWeightTotal', { total: t.pct(total, 0) })}</Text>}
      {mode.criteria.map((c, i) => {
        const metric = t.l(metricLabel(draft, c.metric));
        const unit = metricUnit(draft, c.metric);
        // In the narrow band cells the unit goes in the column header, not beside every number.
        const affixes = unitAffixes(unit, draft.currency, t);
        const unitMark = affixes.before ?? affixes.after;
        const boundHeader = (key: 'rulesBandMin' | 'rulesBandMax') => (
          <th scope="col">
            {t.t(key)}
            {unitMark && <span className={styles.hint}> {unitMark}</span>}
          </th>
        );
        const base = ['mode', 'criteria', i] as const;
        return (
          <Block key={i} title={metric}>
            <NumberField
              path={pathOf([...base, 'weight'])}
              claims={[pathOf([...base, 'metric']), pathOf(base)]}
              label={t.t('rulesWeight')}
              value={c.weight}
              required
              scale={100}
              min={0}
              minExclusive
              after="%"
              onCommit={(v) => edit((d) => setAt(d, [...base, 'weight'], v))}
            />
            <div className={styles.tableWrap}>
              <table className={styles.table} aria-label={t.t('rulesBandsCaption', { metric })}>
                <thead>
                  <tr>
                    {boundHeader('rulesBandMin')}
                    {boundHeader('rulesBandMax')}
                    <th scope="col">{t.t('rulesBandPoints')}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.bands.map((b, j) => {
                    const at = [...base, 'bands', j] as const;
                    const aria = (col: string) => t.t('rulesBandAria', { metric, n: String(j + 1), col });
                    const set = (key: 'min' | 'max' | 'points', v: number | undefined) => edit((d) => setAt(d, [...at, key], v));
                    return (
                      <tr key={j}>
                        <td>
                          <NumberField
                            path={pathOf([...at, 'min'])}
                            claims={[pathOf(at)]}
                            hideLabel
                            size="small"
                            label={aria(t.t('rulesBandMin'))}
                            value={b.min}
                            scale={unitScale(unit)}
                            onCommit={(v) => set('min', v)}
                          />
                        </td>
                        <td>
                          <NumberField
                            path={pathOf([...at, 'max'])}
                            hideLabel
                            size="small"
                            label={aria(t.t('rulesBandMax'))}
                            value={b.max}
                            scale={unitScale(unit)}
                            onCommit={(v) => set('max', v)}
                          />
                        </td>
                        <td>
                          <NumberField
                            path={pathOf([...at, 'points'])}
                            hideLabel
                            size="small"
                            label={aria(t.t('rulesBandPoints'))}
                            value={b.points}
                            required
                            min={0}
                            max={100}
                            onCommit={(v) => set('points', v)}
                          />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </Block>
        );
      })}
      <Text className={styles.hint}>{t.t('rulesBandsHint')}</Text>
      <Block title={t.t('rulesMinScores')}>
        {mode.tierBands.map((b, k) => {
          const tier = tierOf(draft, b.tier);
          const at = ['mode', 'tierBands', k] as const;
          return (
            <NumberField
              key={k}
              path={pathOf([...at, 'minScore'])}
              claims={[pathOf([...at, 'tier']), pathOf(at), ...(k === 0 ? ['mode.tierBands'] : [])]}
              label={t.t('rulesMinScore', { tier: t.l(tier.label) })}
              value={b.minScore}
              required
              min={0}
              max={100}
              after={t.t('rulesSuffix_score')}
              onCommit={(v) => edit((d) => setAt(d, [...at, 'minScore'], v))}
            />
          );
        })}
      </Block>
    </>
  );
}
