// Criteria: the metrics the scheme reads, with their name, unit, blank-cell policy and valid range.
import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useT } from '../../i18n.tsx';
import type { SectionProps } from './context.tsx';
import { pathOf, setAt, unitScale } from './draft.ts';
import { Block, LocalizedField, NumberField, SelectField } from './fields.tsx';
import { unitAffixes } from './units.ts';
import { useRulesStyles } from './styles.ts';

export function CriteriaTable({ draft, edit }: SectionProps): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  return (
    <div className={styles.stack}>
      {draft.criteria.map((c, i) => {
        const affixes = unitAffixes(c.unit, draft.currency, t);
        const scale = unitScale(c.unit);
        return (
          <Block key={i} title={t.l(c.label)}>
            <Text className={styles.hint}>{t.t('rulesCritUnit', { unit: t.t(`rulesUnit_${c.unit}`) })}</Text>
            <LocalizedField
              path={pathOf(['criteria', i, 'label'])}
              claims={[pathOf(['criteria', i, 'metric']), pathOf(['criteria', i, 'unit'])]}
              label={t.t('rulesCritName')}
              value={c.label}
              onChange={(v) => edit((d) => setAt(d, ['criteria', i, 'label'], v))}
            />
            <SelectField
              path={pathOf(['criteria', i, 'missing'])}
              label={t.t('rulesCritMissing')}
              value={c.missing}
              options={[
                { value: 'unrated', text: t.t('rulesMissingUnrated') },
                { value: 'zero', text: t.t('rulesMissingZero') },
              ]}
              onChange={(v) => edit((d) => setAt(d, ['criteria', i, 'missing'], v))}
            />
            <div className={styles.pair}>
              <NumberField
                path={pathOf(['criteria', i, 'min'])}
                label={t.t('rulesCritMin')}
                value={c.min}
                scale={scale}
                {...affixes}
                onCommit={(v) => edit((d) => setAt(d, ['criteria', i, 'min'], v))}
              />
              <NumberField
                path={pathOf(['criteria', i, 'max'])}
                label={t.t('rulesCritMax')}
                value={c.max}
                scale={scale}
                {...affixes}
                onCommit={(v) => edit((d) => setAt(d, ['criteria', i, 'max'], v))}
              />
            </div>
          </Block>
        );
      })}
      <Text className={styles.hint}>{t.t('rulesCritRangeHint')}</Text>
    </div>
  );
}
