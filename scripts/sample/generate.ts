// Sample data: realistic, deterministic customers of a Chinese B2B seller, with their orders, interactions
// and satisfaction surveys — for demos, the template's example rows, tests and benchmarks.
//
// The model (every figure a constant below):
// - Spend is a mixture of log-normals by company size (SIZE_SPEND: 27% under 50 staff around ¥75k a year,
//   34% 50–199 around ¥300k, 30% 200–999 around ¥750k, 9% 1000+ around ¥1.4M; σ 0.8 within a size), so the
//   top 20% of customers hold about 65% of the revenue (the tests pin the band 60–80%). Larger spenders order
//   more often and have been customers a little longer (tenure ~ Erlang-2, mean 4.2·e^(0.2·z) years).
// - Orders follow the business calendar (calendar.ts): Q4 peak (≈1.25× the next quarter), Chinese New Year and
//   golden-week dips, quiet weekends. A period's spend is the annual level × the period's share of the year's
//   weight × a log-normal wobble (σ 0.25), split over 1 + Poisson orders (mean `ordersPerPeriod` per active
//   customer) on days drawn by that weight.
// - Churn: 3% of existing customers never order in the periods (dormant); at each later period boundary 10% of
//   the active customers stop ordering for good (their last surveys score lower, and they get a win-back call).
//   New customers: 8% start at each later period (first cooperation date inside it), and 5% of the others
//   started during the first period.
// - The customer sheet carries 年度消费金额 (annual spend) = the total of the customer's orders dated in the 12
//   months ending on the last period's last day, and 合作年限 (cooperation years) = full years from the first
//   cooperation date to that day: our column mapper does not derive years from a date, and the default scheme
//   (b2b-value) needs both. With two half-year periods of one year b2b-value grades about VIP 9%, key 16%,
//   regular 48%, potential 27%: each within the preset's expected share.
// - Dates are Excel serial numbers (1900 system), amounts whole yuan, scores integers 0–10.
//
// Messy mode (messy: true) — the mess people paste, at a low documented rate (MESSY_RATES):
// - every amount, date, years and score cell is, independently, rewritten as readable text with probability
//   1% ("¥12,345", "12,345元", "1.2345万", "RMB 12,345", full-width digits "１２３４５", dates "2025/3/5",
//   "2025年3月5日", "20250305" …; each parses back to the clean value with src/core/values/) and left
//   blank with probability 0.2%;
// - plus, on the customer sheet, exactly one 待定 (TBD in English; annual spend), one #N/A (cooperation years) and one customer
//   row pasted twice (a duplicate id, right after the original); and one #N/A order amount.
// The messy draws come from their own streams: the clean values underneath are those of messy: false.
//
// Memory: `sampleStreams` yields rows lazily; all it keeps is ~29 bytes of numbers per customer (typed arrays,
// derived once from (seed, index) and shared by the four tables), so 1,000,000 customers stream in ~150 MB of
// process memory. `generateSample` materialises the four tables: at 1,000,000 customers and two periods, with
// the thinner defaults above 100,000 customers (1 order, 0.7 interactions and 0.5 surveys per active customer
// and period), that is 1M customer rows, ~1.8M orders, ~1.4M interactions and ~0.9M surveys: ~1 GB of heap.
import type { Lang } from '../../src/core/i18n.ts';
import { periodWindow } from '../../src/core/aggregate/period.ts';
import type { CellValue } from '../../src/core/output/tables.ts';
import { isoDateToSerial, serialToIsoDate } from '../../src/core/values/serial-date.ts';
import { DayTable, yearWeight, type DayWeights } from './calendar.ts';
import { cumulative, int, normal, pick, pickWeighted, poisson, streamOf, type Rng } from './random.ts';
import {
  BRAND_BLOCKLIST,
  CITIES,
  COMPANY_SIZES,
  GIVEN_NAMES,
  INDUSTRIES,
  INTERACTION_TYPES,
  LEGAL_FORMS,
  POSITIONS,
  PRODUCTS,
  ROADS,
  SURNAMES,
  TRADE_FIRST,
  TRADE_SECOND,
  WIN_BACK_NOTE,
  type Pair,
} from './vocab.ts';

export interface SampleOptions {
  /** How many customers (rows of the customer sheet, before a messy duplicate). */
  customers: number;
  /** Default 1. The same seed and options give the same rows, on every machine. */
  seed?: number;
  /** Period labels (periodWindow: "2025", "2025H1", "2025Q4", "2025-03" …), in time order. Default ["2025H1", "2025H2"]. */
  periods?: readonly string[];
  /** Sprinkle messy cells (see MESSY_RATES). Default false. */
  messy?: boolean;
  /** Headers and texts. Default zh-CN. */
  lang?: Lang;
  /** Mean orders per active customer and period (≥ 1). Default 3, or 1 above 100,000 customers. */
  ordersPerPeriod?: number;
  /** Mean interactions per active customer and period (≥ 0). Default 2, or 0.7 above 100,000 customers. */
  interactionsPerPeriod?: number;
  /** Chance an active customer answers a satisfaction survey in a period (0–1). Default 0.5. */
  surveyRate?: number;
}

/** The four tables, each a header row then data rows. */
export interface SampleTables {
  customers: CellValue[][];
  orders: CellValue[][];
  interactions: CellValue[][];
  satisfaction: CellValue[][];
}

export type SampleTableKey = keyof SampleTables;

/** Lazy tables: headers, and a fresh row generator per call (each call starts over and yields the same rows). */
export interface SampleStreams {
  headers: Record<SampleTableKey, string[]>;
  customers(): Generator<CellValue[]>;
  orders(): Generator<CellValue[]>;
  interactions(): Generator<CellValue[]>;
  satisfaction(): Generator<CellValue[]>;
}

/** The headers, in both languages; every one is a header our mapper reads (test/scripts/sample pins it). */
export const SAMPLE_HEADERS: Record<Lang, Record<SampleTableKey, string[]>> = {
  'zh-CN': {
    customers: ['客户编号', '客户名称', '联系人', '职位', '电话', '地址', '所属行业', '公司规模', '主营业务', '首次合作日期', '客户经理', '年度消费金额', '合作年限'],
    orders: ['客户编号', '订单日期', '订单金额', '产品'],
    interactions: ['客户编号', '日期', '类型', '备注'],
    satisfaction: ['客户编号', '日期', '评分'],
  },
  'en-US': {
    customers: [
      'Customer ID', 'Customer name', 'Contact', 'Position', 'Phone', 'Address', 'Industry', 'Company size', 'Main business',
      'First cooperation date', 'Account manager', 'Annual spend', 'Cooperation years',
    ],
    orders: ['Customer ID', 'Order date', 'Order amount', 'Product'],
    interactions: ['Customer ID', 'Date', 'Type', 'Notes'],
    satisfaction: ['Customer ID', 'Date', 'Score'],
  },
};

/** Column indexes of the customer sheet. */
export const CUSTOMER_COLUMNS = {
  id: 0, name: 1, contact: 2, position: 3, phone: 4, address: 5, industry: 6, size: 7, business: 8,
  firstDate: 9, owner: 10, annualSpend: 11, cooperationYears: 12,
} as const;

/** Choices for the template's dropdown lists, in the order shown. */
export function sampleChoices(lang: Lang): { industries: string[]; companySizes: string[]; interactionTypes: string[] } {
  const l = lang === 'zh-CN' ? 0 : 1;
  return {
    industries: INDUSTRIES.map((x) => x.name[l]),
    companySizes: COMPANY_SIZES.map((x) => x[l]),
    interactionTypes: INTERACTION_TYPES.map((x) => x.name[l]),
  };
}

// ───────────────────────────── the model's constants ─────────────────────────────

/** Expected annual spend by company size (COMPANY_SIZES order): the share of customers, and the median. */
export const SIZE_SPEND = [
  { share: 0.27, median: 75_000 },
  { share: 0.34, median: 300_000 },
  { share: 0.3, median: 750_000 },
  { share: 0.09, median: 1_400_000 },
] as const;
/** σ of log spend within a size. */
export const SPEND_SIGMA = 0.8;
/** z = ln(spend / SPEND_MEDIAN) / SPEND_SCALE: a customer's standing, ~N(0, 1), for order frequency, tenure and satisfaction. */
const SPEND_MEDIAN = 250_000;
const SPEND_SCALE = 1.25;
const PERIOD_WOBBLE = 0.25;
const TENURE_MEAN_YEARS = 4.2;
const TENURE_SPEND = 0.2;
const DORMANT_RATE = 0.03;
const CHURN_RATE = 0.1;
const NEW_RATE = 0.08;
const NEW_IN_FIRST_RATE = 0.05;
const MAX_ORDERS = 80;
/** Above this many customers the defaults thin out (orders, interactions per period) to keep 1M rows in reach. */
export const LARGE_SAMPLE = 100_000;

/** Messy mode: per eligible cell (amounts, dates, years, scores). */
export const MESSY_RATES = { readable: 0.01, blank: 0.002 } as const;

const ORDER_DAYS: DayWeights = { weekend: 0.25 };
const CONTACT_DAYS: DayWeights = { weekend: 0.1 };

// Stream codes: one independent random stream per customer and purpose (and period).
const S_CORE = 0;
const S_TEXT = 1;
const S_MESSY = 2;
const S_ORDERS = 0x100;
const S_ORDERS_MESSY = 0x200;
const S_CALLS = 0x300;
const S_CALLS_MESSY = 0x400;
const S_SURVEY = 0x500;
const S_SURVEY_MESSY = 0x600;
const S_OWNER = 0x700;
const MAX_PERIODS = 0x100;

// ───────────────────────────── the plan: everything shared by all customers ─────────────────────────────

interface PeriodPlan {
  label: string;
  start: number;
  end: number;
  orderDays: DayTable;
  contactDays: DayTable;
  /** The period's share of its year's order weight. */
  share: number;
}

interface Plan {
  n: number;
  seed: number;
  lang: Lang;
  l: 0 | 1;
  messy: boolean;
  periods: PeriodPlan[];
  annualStart: number;
  lastEnd: number;
  idWidth: number;
  ordersPerPeriod: number;
  interactionsPerPeriod: number;
  surveyRate: number;
  owners: string[];
  special: { pending: number; na: number; duplicate: number; naOrder: number };
  /** Filled on first use. */
  cores?: CoreStore;
}

const sizeCum = cumulative(SIZE_SPEND.map((s) => s.share));
const cityCum = cumulative(CITIES.map((c) => c.weight));
const industryCum = cumulative(INDUSTRIES.map((c) => c.weight));
const legalCum = cumulative(LEGAL_FORMS.map((c) => c.weight));
const surnameCum = cumulative(SURNAMES.map((c) => c.weight));
const positionCum = cumulative(POSITIONS.map((c) => c.weight));
const productCum = cumulative(PRODUCTS.map((c) => c.weight));
const typeCum = cumulative(INTERACTION_TYPES.map((c) => c.weight));

function personName(rng: Rng, l: 0 | 1): string {
  const s = SURNAMES[pickWeighted(rng, surnameCum)]!.name;
  const g = pick(rng, GIVEN_NAMES);
  return l === 0 ? s[0] + g[0] : `${s[1]} ${g[1]}`;
}

function makePlan(opts: SampleOptions): Plan {
  const n = opts.customers;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`customers must be a whole number ≥ 0, got ${n}`);
  const seed = opts.seed ?? 1;
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a number, got ${seed}`);
  const labels = opts.periods ?? ['2025H1', '2025H2'];
  if (labels.length === 0 || labels.length > MAX_PERIODS) throw new RangeError(`periods: give 1 to ${MAX_PERIODS} period labels`);
  const lang = opts.lang ?? 'zh-CN';
  const large = n > LARGE_SAMPLE;
  const ordersPerPeriod = opts.ordersPerPeriod ?? (large ? 1 : 3);
  const interactionsPerPeriod = opts.interactionsPerPeriod ?? (large ? 0.7 : 2);
  const surveyRate = opts.surveyRate ?? 0.5;
  if (!(ordersPerPeriod >= 1)) throw new RangeError(`ordersPerPeriod must be ≥ 1, got ${ordersPerPeriod}`);
  if (!(interactionsPerPeriod >= 0)) throw new RangeError(`interactionsPerPeriod must be ≥ 0, got ${interactionsPerPeriod}`);
  if (!(surveyRate >= 0 && surveyRate <= 1)) throw new RangeError(`surveyRate must be between 0 and 1, got ${surveyRate}`);

  const yearWeights = new Map<number, number>();
  const periods = labels.map((label, k): PeriodPlan => {
    const w = periodWindow(label);
    if (!w) throw new RangeError(`"${label}" is not a period label (2025, 2025H1, 2025Q4, 2025-03 …)`);
    const year = Number(serialToIsoDate(w.start).slice(0, 4));
    if (!yearWeights.has(year)) yearWeights.set(year, yearWeight(year, ORDER_DAYS));
    const orderDays = new DayTable(w.start, w.end, ORDER_DAYS);
    if (k > 0) {
      const prev = periodWindow(labels[k - 1]!)!;
      if (w.start <= prev.end) throw new RangeError(`periods must be in time order without overlaps: "${labels[k - 1]}" then "${label}"`);
    }
    return { label, start: w.start, end: w.end, orderDays, contactDays: new DayTable(w.start, w.end, CONTACT_DAYS), share: orderDays.total / yearWeights.get(year)! };
  });
  const lastEnd = periods[periods.length - 1]!.end;
  // The 12 months ending on lastEnd: from the same day a year before the day after it.
  const after = serialToIsoDate(lastEnd + 1);
  const [y, m, d] = [Number(after.slice(0, 4)), Number(after.slice(5, 7)), Number(after.slice(8, 10))];
  const annualStart = m === 2 && d === 29 ? isoDateToSerial(y - 1, 3, 1) : isoDateToSerial(y - 1, m, d);

  const l = lang === 'zh-CN' ? 0 : 1;
  const ownerCount = Math.min(5000, Math.max(3, Math.ceil(n / 150)));
  const owners = Array.from({ length: ownerCount }, (_, k) => personName(streamOf(seed, k, S_OWNER), l));
  const at = (f: number) => Math.min(n - 1, Math.floor(n * f));
  const pending = at(0.37);
  const na = n > 1 && at(0.71) === pending ? (pending + 1) % n : at(0.71);
  return {
    n,
    seed,
    lang,
    l,
    messy: opts.messy ?? false,
    periods,
    annualStart,
    lastEnd,
    idWidth: Math.max(6, String(n).length),
    ordersPerPeriod,
    interactionsPerPeriod,
    surveyRate,
    owners,
    special: { pending, na, duplicate: at(0.53), naOrder: at(0.29) },
  };
}

// ───────────────────────────── one customer ─────────────────────────────

interface Core {
  z: number;
  /** Expected annual spend. */
  level: number;
  /** First period with orders, and the first without them after it (periods.length = never churns). */
  start: number;
  end: number;
  firstDate: number;
  size: number;
}

/** Every customer's numbers, derived once per plan (~29 bytes a customer) and shared by the tables. */
interface CoreStore {
  z: Float64Array;
  level: Float64Array;
  firstDate: Int32Array;
  start: Uint16Array;
  end: Uint16Array;
  size: Uint8Array;
}

function coreStore(plan: Plan): CoreStore {
  if (plan.cores) return plan.cores;
  const n = plan.n;
  const store: CoreStore = {
    z: new Float64Array(n),
    level: new Float64Array(n),
    firstDate: new Int32Array(n),
    start: new Uint16Array(n),
    end: new Uint16Array(n),
    size: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const c = deriveCore(plan, i);
    store.z[i] = c.z;
    store.level[i] = c.level;
    store.firstDate[i] = c.firstDate;
    store.start[i] = c.start;
    store.end[i] = c.end;
    store.size[i] = c.size;
  }
  return (plan.cores = store);
}

function coreOf(plan: Plan, i: number): Core {
  const s = coreStore(plan);
  return { z: s.z[i]!, level: s.level[i]!, firstDate: s.firstDate[i]!, start: s.start[i]!, end: s.end[i]!, size: s.size[i]! };
}

function deriveCore(plan: Plan, i: number): Core {
  const rng = streamOf(plan.seed, i, S_CORE);
  const P = plan.periods.length;
  const size = pickWeighted(rng, sizeCum);
  const level = SIZE_SPEND[size]!.median * Math.exp(SPEND_SIGMA * normal(rng));
  const z = Math.log(level / SPEND_MEDIAN) / SPEND_SCALE;
  let start = 0;
  const r = rng();
  if (P > 1 && r < Math.min(0.5, NEW_RATE * (P - 1))) start = 1 + Math.min(P - 2, Math.floor(r / NEW_RATE));
  let end = P;
  if (start === 0 && rng() < DORMANT_RATE) end = 0;
  else for (let p = start + 1; p < P; p++) if (rng() < CHURN_RATE) {
    end = p;
    break;
  }
  let firstDate: number;
  const first = plan.periods[start]!;
  const u = rng();
  if (start > 0 || (end > 0 && rng() < NEW_IN_FIRST_RATE)) {
    // Started inside the period, early enough to order in it.
    firstDate = first.start + Math.floor(u * 0.8 * (first.end - first.start + 1));
  } else {
    // Erlang-2 (few brand-new relationships among the existing customers), longer for larger spenders.
    const years = Math.min(25, ((-Math.log(1 - u) - Math.log(1 - rng())) / 2) * TENURE_MEAN_YEARS * Math.exp(TENURE_SPEND * z));
    firstDate = first.start - 1 - Math.floor(years * 365.25);
  }
  return { z, level, start, end, firstDate, size };
}

interface OrderDraw {
  date: number;
  amount: number;
  product: number;
}

/** The orders of customer i in period p, in date order. */
function ordersOf(plan: Plan, core: Core, i: number, p: number): OrderDraw[] {
  if (p < core.start || p >= core.end) return [];
  const period = plan.periods[p]!;
  const rng = streamOf(plan.seed, i, S_ORDERS + p);
  const from = core.firstDate > period.start ? core.firstDate : period.start;
  const part = from > period.start ? period.orderDays.weightFrom(from) / period.orderDays.total : 1;
  const expected = core.level * period.share * part * Math.exp(PERIOD_WOBBLE * normal(rng) - PERIOD_WOBBLE ** 2 / 2);
  const k = Math.min(MAX_ORDERS, 1 + poisson(rng, (plan.ordersPerPeriod - 1) * Math.exp(0.5 * core.z - 0.125)));
  const weights: number[] = [];
  let sum = 0;
  for (let j = 0; j < k; j++) sum += weights[j] = -Math.log(1 - rng());
  const out: OrderDraw[] = [];
  for (let j = 0; j < k; j++) {
    out.push({
      date: period.orderDays.draw(rng, from),
      amount: Math.max(1, Math.round((expected * weights[j]!) / sum)),
      product: pickWeighted(rng, productCum),
    });
  }
  return out.sort((a, b) => a.date - b.date);
}

/** The customer's order total over the 12 months ending with the last period. */
function annualSpendOf(plan: Plan, core: Core, i: number): number {
  let total = 0;
  for (let p = core.start; p < core.end; p++) {
    const period = plan.periods[p]!;
    if (period.end < plan.annualStart) continue;
    for (const o of ordersOf(plan, core, i, p)) if (o.date >= plan.annualStart) total += o.amount;
  }
  return total;
}

function tradeName(rng: Rng): [Pair, Pair] {
  for (;;) {
    const a = pick(rng, TRADE_FIRST);
    const b = pick(rng, TRADE_SECOND);
    if (!BRAND_BLOCKLIST.has(a[0] + b[0])) return [a, b];
  }
}

function customerRow(plan: Plan, i: number): CellValue[] {
  const core = coreOf(plan, i);
  const rng = streamOf(plan.seed, i, S_TEXT);
  const l = plan.l;
  const city = CITIES[pickWeighted(rng, cityCum)]!;
  const [t1, t2] = tradeName(rng);
  const industry = INDUSTRIES[pickWeighted(rng, industryCum)]!;
  const word = pick(rng, industry.words);
  const legal = LEGAL_FORMS[pickWeighted(rng, legalCum)]!.name;
  const name = l === 0 ? `${city.name[0]}${t1[0]}${t2[0]}${word[0]}${legal[0]}` : `${city.name[1]} ${t1[1]}${t2[1]} ${word[1]} ${legal[1]}`;
  const contact = personName(rng, l);
  const position = POSITIONS[pickWeighted(rng, positionCum)]!.name[l];
  const phone = `1${pick(rng, ['3', '5', '7', '8', '9'])}${int(rng, 10)}****${String(int(rng, 10_000)).padStart(4, '0')}`;
  const district = pick(rng, city.districts);
  const road = pick(rng, ROADS);
  const no = 1 + Math.floor(Math.exp(rng() * Math.log(2000)));
  const address = l === 0 ? `${city.name[0]}市${district[0]}${road[0]}${no}号` : `No. ${no} ${road[1]}, ${district[1]}, ${city.name[1]}`;
  const business = pick(rng, industry.business)[l];
  const owner = plan.owners[int(rng, plan.owners.length)]!;
  const years = Math.max(0, Math.floor((plan.lastEnd + 1 - core.firstDate) / 365.25));
  const spend = annualSpendOf(plan, core, i);
  const row: CellValue[] = [
    `C${String(i + 1).padStart(plan.idWidth, '0')}`,
    name,
    contact,
    position,
    phone,
    address,
    industry.name[l],
    COMPANY_SIZES[core.size]![l],
    business,
    core.firstDate,
    owner,
    spend,
    years,
  ];
  if (plan.messy) {
    const m = streamOf(plan.seed, i, S_MESSY);
    row[CUSTOMER_COLUMNS.firstDate] = messDate(m, core.firstDate);
    row[CUSTOMER_COLUMNS.annualSpend] = messAmount(m, spend);
    row[CUSTOMER_COLUMNS.cooperationYears] = messSmall(m, years);
    if (i === plan.special.pending) row[CUSTOMER_COLUMNS.annualSpend] = plan.l === 0 ? '待定' : 'TBD';
    if (i === plan.special.na) row[CUSTOMER_COLUMNS.cooperationYears] = '#N/A';
  }
  return row;
}

// ───────────────────────────── messy cells ─────────────────────────────

const FULL_WIDTH_ZERO = 0xff10;
function fullWidth(s: string): string {
  return s.replace(/[0-9]/g, (c) => String.fromCharCode(FULL_WIDTH_ZERO + c.charCodeAt(0) - 48));
}
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The clean value, or (at MESSY_RATES) readable text for it or a blank. Always draws exactly two numbers. */
function messAmount(rng: Rng, v: number): CellValue {
  const r = rng();
  const kind = rng();
  if (r >= MESSY_RATES.readable + MESSY_RATES.blank) return v;
  if (r >= MESSY_RATES.readable) return null;
  if (kind < 0.3) return `¥${grouped(v)}`;
  if (kind < 0.45) return `${grouped(v)}元`;
  if (kind < 0.65 && v >= 10_000) return `${+(v / 10_000).toFixed(4)}万`;
  if (kind < 0.8) return fullWidth(String(v));
  if (kind < 0.9) return `RMB ${grouped(v)}`;
  return ` ${v} `;
}

function messDate(rng: Rng, serial: number): CellValue {
  const r = rng();
  const kind = rng();
  if (r >= MESSY_RATES.readable + MESSY_RATES.blank) return serial;
  if (r >= MESSY_RATES.readable) return null;
  const iso = serialToIsoDate(serial);
  const [y, m, d] = [iso.slice(0, 4), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
  if (kind < 0.3) return `${y}/${m}/${d}`;
  if (kind < 0.55) return `${y}年${m}月${d}日`;
  if (kind < 0.7) return iso.replace(/-/g, '.');
  if (kind < 0.85) return iso.replace(/-/g, '');
  return fullWidth(iso);
}

function messSmall(rng: Rng, v: number): CellValue {
  const r = rng();
  const kind = rng();
  if (r >= MESSY_RATES.readable + MESSY_RATES.blank) return v;
  if (r >= MESSY_RATES.readable) return null;
  return kind < 0.5 ? String(v) : kind < 0.8 ? fullWidth(String(v)) : ` ${v} `;
}

// ───────────────────────────── the tables ─────────────────────────────

function idOf(plan: Plan, i: number): string {
  return `C${String(i + 1).padStart(plan.idWidth, '0')}`;
}

function* customerRows(plan: Plan): Generator<CellValue[]> {
  for (let i = 0; i < plan.n; i++) {
    const row = customerRow(plan, i);
    yield row;
    if (plan.messy && i === plan.special.duplicate) yield [...row];
  }
}

function* orderRows(plan: Plan): Generator<CellValue[]> {
  const l = plan.l;
  let naDone = false;
  for (let p = 0; p < plan.periods.length; p++) {
    for (let i = 0; i < plan.n; i++) {
      const core = coreOf(plan, i);
      if (p < core.start || p >= core.end) continue;
      const id = idOf(plan, i);
      const m = plan.messy ? streamOf(plan.seed, i, S_ORDERS_MESSY + p) : null;
      for (const o of ordersOf(plan, core, i, p)) {
        let amount: CellValue = o.amount;
        let date: CellValue = o.date;
        if (m) {
          date = messDate(m, o.date);
          amount = messAmount(m, o.amount);
          if (!naDone && i >= plan.special.naOrder) {
            amount = '#N/A';
            naDone = true;
          }
        }
        yield [id, date, amount, PRODUCTS[o.product]!.name[l]];
      }
    }
  }
}

function* interactionRows(plan: Plan): Generator<CellValue[]> {
  const l = plan.l;
  const P = plan.periods.length;
  for (let p = 0; p < P; p++) {
    const period = plan.periods[p]!;
    for (let i = 0; i < plan.n; i++) {
      const core = coreOf(plan, i);
      const active = p >= core.start && p < core.end;
      const winBack = p === core.end && core.end < P;
      if (!active && !winBack) continue;
      const rng = streamOf(plan.seed, i, S_CALLS + p);
      const m = plan.messy ? streamOf(plan.seed, i, S_CALLS_MESSY + p) : null;
      const id = idOf(plan, i);
      const from = core.firstDate > period.start ? core.firstDate : period.start;
      const drawn: [number, CellValue, CellValue][] = [];
      if (active) {
        const k = poisson(rng, plan.interactionsPerPeriod * Math.exp(0.3 * core.z - 0.045));
        for (let j = 0; j < k; j++) {
          const type = INTERACTION_TYPES[pickWeighted(rng, typeCum)]!;
          drawn.push([period.contactDays.draw(rng, from), type.name[l], pick(rng, type.notes)[l]]);
        }
      } else if (rng() < 0.6) {
        // The win-back call, early in the period the customer stopped ordering.
        const day = Math.min(period.end, period.start + int(rng, 30));
        drawn.push([day, INTERACTION_TYPES[0]!.name[l], WIN_BACK_NOTE[l]]);
      }
      drawn.sort((a, b) => a[0] - b[0]);
      for (const [date, type, note] of drawn) yield [id, m ? messDate(m, date) : date, type, note];
    }
  }
}

function* satisfactionRows(plan: Plan): Generator<CellValue[]> {
  const P = plan.periods.length;
  for (let p = 0; p < P; p++) {
    const period = plan.periods[p]!;
    for (let i = 0; i < plan.n; i++) {
      const core = coreOf(plan, i);
      if (p < core.start || p >= core.end) continue;
      const rng = streamOf(plan.seed, i, S_SURVEY + p);
      if (rng() >= plan.surveyRate) continue;
      const leaving = p === core.end - 1 && core.end < P;
      const score = Math.round(Math.min(10, Math.max(0, 8.1 + 0.3 * core.z - (leaving ? 2.8 : 0) + 1.4 * normal(rng))));
      const from = core.firstDate > period.start ? core.firstDate : period.start;
      const date = period.contactDays.draw(rng, from);
      const m = plan.messy ? streamOf(plan.seed, i, S_SURVEY_MESSY + p) : null;
      yield [idOf(plan, i), m ? messDate(m, date) : date, m ? messSmall(m, score) : score];
    }
  }
}

/** Lazy sample tables: constant memory at any size. */
export function sampleStreams(opts: SampleOptions): SampleStreams {
  const plan = makePlan(opts);
  return {
    headers: {
      customers: [...SAMPLE_HEADERS[plan.lang].customers],
      orders: [...SAMPLE_HEADERS[plan.lang].orders],
      interactions: [...SAMPLE_HEADERS[plan.lang].interactions],
      satisfaction: [...SAMPLE_HEADERS[plan.lang].satisfaction],
    },
    customers: () => customerRows(plan),
    orders: () => orderRows(plan),
    interactions: () => interactionRows(plan),
    satisfaction: () => satisfactionRows(plan),
  };
}

/** The four sample tables, materialised (header row first). See the file comment for the model and its rates. */
export function generateSample(opts: SampleOptions): SampleTables {
  const s = sampleStreams(opts);
  const table = (key: SampleTableKey, rows: Iterable<CellValue[]>): CellValue[][] => {
    const out: CellValue[][] = [s.headers[key]];
    for (const r of rows) out.push(r);
    return out;
  };
  return {
    customers: table('customers', s.customers()),
    orders: table('orders', s.orders()),
    interactions: table('interactions', s.interactions()),
    satisfaction: table('satisfaction', s.satisfaction()),
  };
}
