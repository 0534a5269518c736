// A tier's costs (服务成本): cost per contact, discount, benefit cost per customer per year. Blank keeps the
// documented default, shown as the hint; the Service Cost sheet and the handbook use what is set here.
import type { ReactNode } from 'react';
import { formatValue, loc, tierCostInputs, type Tier } from '../../../core/index.ts';
import { useT } from '../../i18n.tsx';
import type { SectionProps } from './context.tsx';
import { pathOf, setAt } from './draft.ts';
import { NumberField } from './fields.tsx';
import { useRulesStyles } from './styles.ts';

const L = {
  perContact: loc('每次联系成本', 'Cost per contact'),
  discount: loc('折扣比例', 'Discount'),
  perCustomer: loc('每客户年度权益成本', 'Benefit cost per customer a year'),
  byDefault: loc('留空按默认：{value}', 'Blank uses the default: {value}'),
};

export function CostFields({ tier, index, currency, edit }: { tier: Tier; index: number; currency: string; edit: SectionProps['edit'] }): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  const own = tier.benefits.cost ?? {};
  const d = tierCostInputs({ benefits: { ...tier.benefits, cost: {} } });
  const at = ['tiers', index, 'benefits', 'cost'] as const;
  const hint = (v: string) => t.l(L.byDefault).replace('{value}', v);
  const money = (x: number) => formatValue(x, 'currency', t.lang, currency);
  const commit = (key: 'perContact' | 'discount' | 'perCustomer') => (v: number | undefined) => edit((draft) => setAt(draft, [...at, key], v));
  return (
    <div className={styles.pair} data-testid={`tier-cost-${index}`}>
      <NumberField path={pathOf([...at, 'perContact'])} label={t.l(L.perContact)} hint={hint(money(d.perContact))} value={own.perContact} min={0} before={currency} onCommit={commit('perContact')} />
      <NumberField path={pathOf([...at, 'discount'])} label={t.l(L.discount)} hint={hint(`${d.discount * 100}%`)} value={own.discount} scale={100} min={0} max={1} after="%" onCommit={commit('discount')} />
      <NumberField path={pathOf([...at, 'perCustomer'])} label={t.l(L.perCustomer)} hint={hint(money(d.perCustomer))} value={own.perCustomer} min={0} before={currency} onCommit={commit('perCustomer')} />
    </div>
  );
}
