// The cost columns of the rules sheet's tier table (等级与权益): written with the figure in force (the scheme's
// own, else the default), read back as the scheme's own only where it differs from the default — so a sheet
// shows every number, a scheme without costs round-trips unchanged, and an older sheet without the columns
// simply keeps the defaults.
import type { CellValue } from '../output/tables.ts';
import type { TierBenefits } from '../scheme/schema.ts';
import { tierCostInputs, type CostedTier } from './defaults.ts';

export const COST_FORMATS = ['#,##0.##', '0.0%', '#,##0.##'] as const;
export const COST_WIDTHS = [14, 10, 18] as const;

/** Cost per contact, discount, benefit cost per customer per year: the figures in force. */
export function costCells(tier: CostedTier): CellValue[] {
  const c = tierCostInputs(tier);
  return [c.perContact, c.discount, c.perCustomer];
}

/** The tier's own costs from the cells read (undefined = blank); a figure equal to the default is no figure of its own. */
export function costFromCells(tier: CostedTier, read: { perContact?: number; discount?: number; perCustomer?: number }): TierBenefits['cost'] | undefined {
  const d = tierCostInputs({ benefits: { ...tier.benefits, cost: {} } });
  const own: NonNullable<TierBenefits['cost']> = {};
  if (read.perContact !== undefined && read.perContact !== d.perContact) own.perContact = read.perContact;
  if (read.discount !== undefined && read.discount !== d.discount) own.discount = read.discount;
  if (read.perCustomer !== undefined && read.perCustomer !== d.perCustomer) own.perCustomer = read.perCustomer;
  return Object.keys(own).length ? own : undefined;
}
