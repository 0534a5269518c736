// What serving a tier costs when the scheme does not say: documented defaults, derived from who serves the
// tier (owner) and how (channel), so a scheme written before costs existed still gets a sensible sheet.
// Every default is written to the rules sheet, where the user replaces it with their own figure.
import type { Localized } from '../i18n.ts';
import type { Cadence, TierBenefits } from '../scheme/schema.ts';

/** A tier as far as costs go: a validated tier, or one being read from the rules sheet. */
export interface CostedTier {
  benefits: Partial<Pick<TierBenefits, 'owner' | 'channel' | 'cadence' | 'cost'>> & { lines?: readonly Localized[] };
}

/** Contacts per customer per year for each cadence ("as needed" counts as one contact a year). */
export const CONTACTS_PER_YEAR: Record<Cadence, number> = {
  weekly: 52,
  monthly: 12,
  quarterly: 4,
  'half-yearly': 2,
  yearly: 1,
  'as-needed': 1,
};

export type ChannelKind = 'visit' | 'phone' | 'email';
export type OwnerKind = 'team' | 'manager' | 'central';

/** Cost of one contact by channel, before the owner's factor (in the scheme's currency). */
export const CHANNEL_COST: Record<ChannelKind, number> = { visit: 500, phone: 50, email: 10 };

/** A dedicated team costs twice an account manager's contact; central handling (campaigns, a hotline) half. */
export const OWNER_FACTOR: Record<OwnerKind, number> = { team: 2, manager: 1, central: 0.5 };

/** The channel an owner uses when the scheme names none: a team visits, a manager calls, central e-mails. */
const OWNER_CHANNEL: Record<OwnerKind, ChannelKind> = { team: 'visit', manager: 'phone', central: 'email' };

const CHANNEL_WORDS: [ChannelKind, RegExp][] = [
  ['visit', /拜访|上门|面谈|走访|visit|meeting|on-site|in person/i],
  ['phone', /电话|致电|phone|call/i],
  ['email', /邮件|短信|微信|消息|e-?mail|message|newsletter/i],
];
// A 专属客户经理 (dedicated account manager) is a manager; a 专属服务团队 or a bare 专属 a team.
const OWNER_WORDS: [OwnerKind, RegExp][] = [
  ['team', /团队|team/i],
  ['central', /统一|集中|central|pooled/i],
  ['manager', /经理|manager/i],
  ['team', /专属|dedicated/i],
];

/** The most personal channel named (a channel text "电话和邮件" is served by phone). */
export function channelKind(tier: CostedTier): ChannelKind | null {
  const text = `${tier.benefits.channel?.['zh-CN'] ?? ''} ${tier.benefits.channel?.['en-US'] ?? ''}`;
  return CHANNEL_WORDS.find(([, re]) => re.test(text))?.[0] ?? null;
}

export function ownerKind(tier: CostedTier): OwnerKind | null {
  const text = `${tier.benefits.owner?.['zh-CN'] ?? ''} ${tier.benefits.owner?.['en-US'] ?? ''}`;
  return OWNER_WORDS.find(([, re]) => re.test(text))?.[0] ?? null;
}

/** "9 折" / "九五折" / "95折" in a benefit line → the discount as a share (0.1, 0.05); null without one. */
export function discountFromLines(tier: CostedTier): number | null {
  const digits: Record<string, string> = { 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
  for (const line of tier.benefits.lines ?? []) {
    const m = /([0-9.一二三四五六七八九]{1,3})\s*折/.exec(line['zh-CN']);
    if (!m) continue;
    const n = Number(m[1]!.replace(/[一二三四五六七八九]/g, (c) => digits[c]!));
    if (!Number.isFinite(n) || n <= 0) continue;
    // 9 → 90% of the price; 95 → 95%; 8.5 → 85%.
    const paid = n < 10 ? n / 10 : n / 100;
    if (paid > 0 && paid < 1) return Math.round((1 - paid) * 1e6) / 1e6;
  }
  return null;
}

/** One tier's cost inputs, the scheme's own figure where it gives one, else the default. */
export interface TierCostInputs {
  contactsPerYear: number;
  perContact: number;
  discount: number;
  perCustomer: number;
  /** Which inputs are defaults (not in the scheme): the sheet says so. */
  defaulted: { perContact: boolean; discount: boolean; perCustomer: boolean };
}

/** Cadences whose handbook text is a visit ("每月至少拜访一次", "visit at least quarterly"). */
const VISIT_CADENCES = new Set<Cadence>(['monthly', 'quarterly']);

/**
 * Default cost of one contact: channel cost × owner factor. No owner: an account manager. No channel: a visit
 * where the cadence says visit (monthly, quarterly), else the owner's usual channel.
 */
export function defaultPerContact(tier: CostedTier): number {
  const owner = ownerKind(tier) ?? 'manager';
  const cadence = tier.benefits.cadence;
  const channel = channelKind(tier) ?? (cadence && VISIT_CADENCES.has(cadence) ? 'visit' : OWNER_CHANNEL[owner]);
  return CHANNEL_COST[channel] * OWNER_FACTOR[owner];
}

export function tierCostInputs(tier: CostedTier): TierCostInputs {
  const c = tier.benefits.cost ?? {};
  const cadence = tier.benefits.cadence;
  return {
    // A tier with no cadence has no scheduled contact.
    contactsPerYear: cadence ? CONTACTS_PER_YEAR[cadence] : 0,
    perContact: c.perContact ?? defaultPerContact(tier),
    discount: c.discount ?? discountFromLines(tier) ?? 0,
    perCustomer: c.perCustomer ?? 0,
    defaulted: { perContact: c.perContact === undefined, discount: c.discount === undefined, perCustomer: c.perCustomer === undefined },
  };
}
