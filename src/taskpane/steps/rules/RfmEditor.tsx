// RFM mode: each segment's R, F and M score ranges (1–5), or "any".
import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { RfmMode } from '../../../core/scheme/schema.ts';
import { useT } from '../../i18n.tsx';
import type { SectionProps } from './context.tsx';
import { getAt, metricLabel, pathOf, setAt, tierOf, withRangeBound, type ScoreRange } from './draft.ts';
import { Block, SelectField } from './fields.tsx';
import { useRulesStyles } from './styles.ts';

const DIMS = ['r', 'f', 'm'] as const;
const SCORES = ['1', '2', '3', '4', '5'];

export function RfmEditor(props: SectionProps & { mode: RfmMode }): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  const { mode, draft, edit } = props;
  const options = [{ value: '', text: t.t('rulesRfmAny') }, ...SCORES.map((s) => ({ value: s, text: s }))];
  return (
    <>
      <Text className={styles.hint}>{t.t('rulesRfmHint')}</Text>
      <Text className={styles.hint}>
        {t.t('rulesRfmMetrics', {
          r: t.l(metricLabel(draft, mode.recency)),
          f: t.l(metricLabel(draft, mode.frequency)),
          m: t.l(metricLabel(draft, mode.monetary)),
        })}
      </Text>
      {mode.segments.map((seg, i) => {
        const tier = tierOf(draft, seg.tier);
        const tierName = t.l(tier.label);
        return (
          <Block key={i} title={tierName} color={tier.color}>
            <div className={styles.tableWrap}>
              <table className={styles.table} aria-label={tierName}>
                <thead>
                  <tr>
                    <th scope="col">{t.t('rulesRfmDim')}</th>
                    <th scope="col">{t.t('rulesRfmLow')}</th>
                    <th scope="col">{t.t('rulesRfmHigh')}</th>
                  </tr>
                </thead>
                <tbody>
                  {DIMS.map((dim) => {
                    const range = seg[dim] as ScoreRange | undefined;
                    const at = ['mode', 'segments', i, dim] as const;
                    const set = (bound: 0 | 1, v: string) =>
                      edit((d) =>
                        setAt(d, at, withRangeBound(getAt(d, at) as ScoreRange | undefined, bound, v === '' ? undefined : Number(v))),
                      );
                    return (
                      <tr key={dim}>
                        <th scope="row">{t.t(`rulesRfm_${dim}`)}</th>
                        {([0, 1] as const).map((bound) => (
                          <td key={bound}>
                            <SelectField
                              path={pathOf([...at, bound])}
                              // The [low, high] order check names the range itself; show it at "from".
                              claims={bound === 0 ? [pathOf(at)] : []}
                              hideLabel
                              size="small"
                              label={t.t('rulesRfmAria', {
                                tier: tierName,
                                dim: t.t(`rulesRfm_${dim}`),
                                bound: t.t(bound === 0 ? 'rulesRfmLow' : 'rulesRfmHigh'),
                              })}
                              value={range ? String(range[bound]) : ''}
                              options={options}
                              onChange={(v) => set(bound, v)}
                            />
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </Block>
        );
      })}
    </>
  );
}
