// Rules mode: each tier's condition tree. Groups show as "全部满足 / 满足任一" headings over their
// indented members; every comparison gets an operator, a value and, for "between", an upper bound.
import { Text } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { OPERATORS, type Comparison, type Condition, type Operator } from '../../../core/scheme/schema.ts';
import { useT } from '../../i18n.tsx';
import type { SectionProps } from './context.tsx';
import { getAt, isComparison, metricLabel, metricUnit, OP_KEYS, pathOf, setAt, unitScale, withOperator, type Path } from './draft.ts';
import { NumberField, SelectField } from './fields.tsx';
import { useRulesStyles } from './styles.ts';
import { unitAffixes } from './units.ts';

interface ConditionProps extends SectionProps {
  cond: Condition;
  parts: Path;
  /** The tier the rule grants, for labels that make sense out of context. */
  tier: string;
}

export function ConditionEditor(props: ConditionProps): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  const id = useId(); // before any return: a preset switch may turn this node from a comparison into a group
  const { cond, parts } = props;
  if (isComparison(cond)) return <ComparisonEditor {...props} cond={cond} />;
  const key = 'all' in cond ? 'all' : 'any';
  const items = 'all' in cond ? cond.all : cond.any;
  return (
    <div role="group" aria-labelledby={id} className={styles.tight}>
      <Text id={id} className={styles.subheading}>
        {t.t(key === 'all' ? 'rulesAll' : 'rulesAny')}
      </Text>
      <div className={styles.group}>
        {items.map((c, j) => (
          <ConditionEditor key={j} {...props} cond={c} parts={[...parts, key, j]} />
        ))}
      </div>
    </div>
  );
}

function ComparisonEditor(props: ConditionProps & { cond: Comparison }): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  const { cond, parts, draft, edit, tier } = props;
  const metric = t.l(metricLabel(draft, cond.metric));
  const unit = metricUnit(draft, cond.metric);
  const affixes = unitAffixes(unit, draft.currency, t);
  const at = pathOf(parts);
  const between = cond.op === 'between';
  const set = (key: 'value' | 'max', v: number | undefined) => edit((d) => setAt(d, [...parts, key], v));
  return (
    <div className={styles.tight}>
      <Text weight="semibold" size={200}>
        {metric}
      </Text>
      <div className={styles.comparisonRow}>
        <SelectField
          path={`${at}.op`}
          hideLabel
          size="small"
          label={t.t('rulesOpAria', { tier, metric })}
          value={cond.op}
          options={OPERATORS.map((op) => ({ value: op, text: t.t(`rulesOp_${OP_KEYS[op]}`) }))}
          onChange={(op) => edit((d) => setAt(d, parts, withOperator(getAt(d, parts) as Comparison, op as Operator)))}
        />
        <NumberField
          path={`${at}.value`}
          // The comparison's own checks (metric not declared; "between" needs max ≥ value when not between)
          claims={between ? [`${at}.metric`] : [`${at}.metric`, at]}
          hideLabel
          size="small"
          label={t.t('rulesValueAria', { tier, metric })}
          value={cond.value}
          required
          scale={unitScale(unit)}
          {...affixes}
          onCommit={(v) => set('value', v)}
        />
        {between && (
          <>
            <Text className={styles.betweenTo} align="end">
              {t.t('rulesBetweenTo')}
            </Text>
            <NumberField
              path={`${at}.max`}
              claims={[at]}
              hideLabel
              size="small"
              label={t.t('rulesMaxAria', { tier, metric })}
              value={cond.max}
              required
              scale={unitScale(unit)}
              {...affixes}
              onCommit={(v) => set('max', v)}
            />
          </>
        )}
      </div>
      {between && <Text className={styles.hint}>{t.t('rulesBetweenHint')}</Text>}
    </div>
  );
}
