// ABC mode: the cumulative-share cut points, in %, one per class but the last.
import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AbcMode } from '../../../core/scheme/schema.ts';
import { useT } from '../../i18n.tsx';
import type { SectionProps } from './context.tsx';
import { metricLabel, pathOf, setAt } from './draft.ts';
import { NumberField } from './fields.tsx';
import { useRulesStyles } from './styles.ts';

export function AbcEditor({ mode, draft, edit }: SectionProps & { mode: AbcMode }): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  return (
    <>
      <Text>{t.t('rulesAbcMetric', { metric: t.l(metricLabel(draft, mode.metric)) })}</Text>
      <Text className={styles.hint}>{t.t('rulesAbcHint')}</Text>
      {mode.cuts.map((cut, i) => {
        const tier = draft.tiers[i];
        return (
          <NumberField
            key={i}
            path={pathOf(['mode', 'cuts', i])}
            // The cut count must match the tiers; that check names the whole list.
            claims={i === 0 ? ['mode.cuts', 'mode.metric'] : []}
            label={t.t('rulesCut', { tier: tier ? t.l(tier.label) : String(i + 1) })}
            value={cut}
            required
            scale={100}
            min={0}
            max={1}
            minExclusive
            maxExclusive
            after="%"
            onCommit={(v) => edit((d) => setAt(d, ['mode', 'cuts', i], v))}
          />
        );
      })}
    </>
  );
}
