// Review policy: how often tiers are reviewed, when a customer counts as churned, and how downgrades happen.
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useRef, type ReactNode } from 'react';
import { useT } from '../../i18n.tsx';
import { useRulesField, type SectionProps } from './context.tsx';
import { downgradeOf, setAt, type DowngradePolicy } from './draft.ts';
import { NumberField, SelectField } from './fields.tsx';
import { useRulesStyles } from './styles.ts';

const PERIODS = ['quarter', 'half-year', 'year'] as const;
const POLICIES: readonly DowngradePolicy[] = ['immediate', 'one-step', 'after-periods'];

export function ReviewPolicy({ draft, edit }: SectionProps): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  const review = draft.review;
  const downgrade = review.downgrade;
  const radioRef = useRef<HTMLDivElement>(null);
  const problems = useRulesField(['review.downgrade', 'review.downgrade.policy'], false, radioRef);
  const message = problems.map((p) => t.l(p.message)).join('; ') || undefined;
  return (
    <div className={styles.stack}>
      <SelectField
        path="review.period"
        label={t.t('rulesPeriod')}
        value={review.period}
        options={PERIODS.map((p) => ({ value: p, text: t.t(`rulesPeriod_${p}`) }))}
        onChange={(v) => edit((d) => setAt(d, ['review', 'period'], v))}
      />
      <NumberField
        path="review.churnDays"
        label={t.t('rulesChurnDays')}
        value={review.churnDays}
        required
        integer
        min={0}
        minExclusive
        after={t.t('rulesSuffix_days')}
        onCommit={(v) => edit((d) => setAt(d, ['review', 'churnDays'], v))}
      />
      <Field label={t.t('rulesDowngrade')} validationState={message ? 'error' : 'none'} validationMessage={message}>
        <RadioGroup
          ref={radioRef}
          value={downgrade.policy}
          onChange={(_e, data) =>
            edit((d) => setAt(d, ['review', 'downgrade'], downgradeOf(data.value as DowngradePolicy, d.review.downgrade)))
          }
        >
          {POLICIES.map((p) => (
            <Radio key={p} value={p} label={t.t(`rulesDowngrade_${p}`)} />
          ))}
        </RadioGroup>
      </Field>
      {downgrade.policy === 'after-periods' && (
        <NumberField
          path="review.downgrade.periods"
          label={t.t('rulesDowngradePeriods')}
          value={downgrade.periods}
          required
          integer
          min={1}
          max={12}
          onCommit={(v) => edit((d) => setAt(d, ['review', 'downgrade', 'periods'], v))}
        />
      )}
    </div>
  );
}
