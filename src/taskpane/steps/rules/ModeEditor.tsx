// The grading method's thresholds: rules (condition trees), points (weights, bands, minimum scores),
// RFM (score ranges per segment) or ABC (cumulative-share cuts).
import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useT } from '../../i18n.tsx';
import type { SectionProps } from './context.tsx';
import { tierOf } from './draft.ts';
import { Block } from './fields.tsx';
import { ConditionEditor } from './ConditionEditor.tsx';
import { PointsEditor } from './PointsEditor.tsx';
import { RfmEditor } from './RfmEditor.tsx';
import { AbcEditor } from './AbcEditor.tsx';
import { useRulesStyles } from './styles.ts';

export function ModeEditor(props: SectionProps): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  const { draft } = props;
  const mode = draft.mode;
  const fallback = draft.tiers[draft.tiers.length - 1];
  return (
    <div className={styles.stack}>
      <Text weight="semibold">{t.t('rulesModeLabel', { mode: t.t(`rulesMode_${mode.kind}`) })}</Text>
      {mode.kind === 'rules' && (
        <>
          <Text className={styles.hint}>{t.t('rulesRulesHint')}</Text>
          {mode.rules.map((rule, i) => {
            const tier = tierOf(draft, rule.tier);
            return (
              <Block key={i} title={t.l(tier.label)} color={tier.color}>
                <ConditionEditor {...props} cond={rule.when} parts={['mode', 'rules', i, 'when']} tier={t.l(tier.label)} />
              </Block>
            );
          })}
        </>
      )}
      {mode.kind === 'points' && <PointsEditor {...props} mode={mode} />}
      {mode.kind === 'rfm' && <RfmEditor {...props} mode={mode} />}
      {mode.kind === 'abc' && <AbcEditor {...props} mode={mode} />}
      {mode.kind !== 'abc' && fallback && <Text className={styles.hint}>{t.t('rulesFallback', { tier: t.l(fallback.label) })}</Text>}
    </div>
  );
}
