import { describe, it, expect } from 'vitest';
import {
  detectHeaderRow,
  getPreset,
  gradeRecords,
  interactionColumns,
  isoDateToSerial,
  listPresets,
  mapColumns,
  orderColumns,
  parseDate,
  parseNumber,
  periodWindow,
  satisfactionColumns,
  type CellValue,
  type Lang,
} from '../../../src/core/index.ts';
import {
  CUSTOMER_COLUMNS as C,
  MESSY_RATES,
  SAMPLE_HEADERS,
  generateSample,
  sampleChoices,
  sampleStreams,
  type SampleTables,
} from '../../../scripts/sample/index.ts';

const b2b = getPreset('b2b-value')!;
const rowsOf = (t: CellValue[][]) => t.slice(1);
const num = (v: CellValue | undefined) => v as number;

// One mid-sized sample shared by the statistical tests (20,000 customers, two half-years).
const big = generateSample({ customers: 20_000, seed: 7 });
const bigCustomers = rowsOf(big.customers);

/** Customer id → total order amount per period label. */
function spendByPeriod(t: SampleTables, labels: string[]): Map<string, number[]> {
  const windows = labels.map((l) => periodWindow(l)!);
  const out = new Map<string, number[]>();
  for (const [id, date, amount] of rowsOf(t.orders)) {
    const p = windows.findIndex((w) => num(date) >= w.start && num(date) <= w.end);
    const v = out.get(id as string) ?? labels.map(() => 0);
    v[p]! += num(amount);
    out.set(id as string, v);
  }
  return out;
}

describe('generateSample: determinism and shape', () => {
  it('the same seed and options give the same tables; another seed gives others', () => {
    const a = generateSample({ customers: 300, seed: 42, messy: true });
    const b = generateSample({ customers: 300, seed: 42, messy: true });
    expect(b).toEqual(a);
    const c = generateSample({ customers: 300, seed: 43, messy: true });
    expect(c.customers.slice(1, 20)).not.toEqual(a.customers.slice(1, 20));
  });

  it('the lazy streams yield exactly the materialised rows, and restart on every call', () => {
    const opts = { customers: 200, seed: 5, messy: true, periods: ['2025Q3', '2025Q4'] };
    const t = generateSample(opts);
    const s = sampleStreams(opts);
    for (const key of ['customers', 'orders', 'interactions', 'satisfaction'] as const) {
      expect([s.headers[key], ...s[key]()]).toEqual(t[key]);
      expect([...s[key]()]).toEqual(t[key].slice(1));
    }
  });

  it('sizes: one row per customer, headers in the chosen language, defaults documented', () => {
    for (const lang of ['zh-CN', 'en-US'] as Lang[]) {
      const t = generateSample({ customers: 500, lang });
      expect(t.customers[0]).toEqual(SAMPLE_HEADERS[lang].customers);
      expect(t.orders[0]).toEqual(SAMPLE_HEADERS[lang].orders);
      expect(t.interactions[0]).toEqual(SAMPLE_HEADERS[lang].interactions);
      expect(t.satisfaction[0]).toEqual(SAMPLE_HEADERS[lang].satisfaction);
      expect(t.customers).toHaveLength(501);
      expect(rowsOf(t.customers).every((r) => r.length === 13)).toBe(true);
      expect(new Set(rowsOf(t.customers).map((r) => r[0])).size).toBe(500);
      expect(rowsOf(t.orders).every((r) => r.length === 4 && typeof r[1] === 'number' && Number.isInteger(r[2]) && num(r[2]) >= 1)).toBe(true);
      expect(rowsOf(t.satisfaction).every((r) => Number.isInteger(r[2]) && num(r[2]) >= 0 && num(r[2]) <= 10)).toBe(true);
      expect(rowsOf(t.interactions).every((r) => sampleChoices(lang).interactionTypes.includes(r[2] as string))).toBe(true);
    }
    expect(generateSample({ customers: 0 })).toEqual({
      customers: [SAMPLE_HEADERS['zh-CN'].customers],
      orders: [SAMPLE_HEADERS['zh-CN'].orders],
      interactions: [SAMPLE_HEADERS['zh-CN'].interactions],
      satisfaction: [SAMPLE_HEADERS['zh-CN'].satisfaction],
    });
    expect(generateSample({ customers: 1 }).customers).toHaveLength(2);
  });

  it('order, interaction and survey density follow the options (mean per active customer and period)', () => {
    const active = new Set<string>();
    const pairs = new Set<string>();
    for (const [id, date] of rowsOf(big.orders)) pairs.add(`${id}|${num(date) > isoDateToSerial(2025, 6, 30) ? 2 : 1}`);
    for (const p of pairs) active.add(p);
    expect(rowsOf(big.orders).length / active.size).toBeCloseTo(3, 0);
    const thin = generateSample({ customers: 3000, ordersPerPeriod: 1, interactionsPerPeriod: 0, surveyRate: 0 });
    const thinPairs = new Set(rowsOf(thin.orders).map(([id, d]) => `${id}|${num(d) > isoDateToSerial(2025, 6, 30)}`));
    expect(rowsOf(thin.orders).length).toBe(thinPairs.size); // exactly one order per active customer and period
    expect(rowsOf(thin.interactions).every((r) => r[3] === '流失挽回：客户暂停采购')).toBe(true); // only win-back calls
    expect(thin.satisfaction).toHaveLength(1);
  });

  it('refuses bad options', () => {
    expect(() => generateSample({ customers: -1 })).toThrow(RangeError);
    expect(() => generateSample({ customers: 1.5 })).toThrow(RangeError);
    expect(() => generateSample({ customers: 1, periods: ['2025H3'] })).toThrow(/period label/);
    expect(() => generateSample({ customers: 1, periods: ['2025H2', '2025H1'] })).toThrow(/time order/);
    expect(() => generateSample({ customers: 1, periods: [] })).toThrow(RangeError);
    expect(() => generateSample({ customers: 1, ordersPerPeriod: 0.5 })).toThrow(RangeError);
    expect(() => generateSample({ customers: 1, surveyRate: 2 })).toThrow(RangeError);
  });
});

describe('generateSample: realistic content', () => {
  it('company names are city + trade name + industry + legal form; contacts, phones and addresses look Chinese', () => {
    const t = generateSample({ customers: 300, seed: 3 });
    for (const r of rowsOf(t.customers)) {
      expect(r[C.name]).toMatch(/^[\u4e00-\u9fff]{2,3}[\u4e00-\u9fff]{2}[\u4e00-\u9fff]{1,6}(有限公司|股份有限公司|有限责任公司)$/);
      expect(r[C.contact]).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
      expect(r[C.phone]).toMatch(/^1[35789]\d\*{4}\d{4}$/);
      expect(r[C.address]).toMatch(/^[\u4e00-\u9fff]+市[\u4e00-\u9fff\d一二]+号$/);
      expect(sampleChoices('zh-CN').industries).toContain(r[C.industry]);
      expect(sampleChoices('zh-CN').companySizes).toContain(r[C.size]);
    }
    const en = generateSample({ customers: 50, seed: 3, lang: 'en-US' });
    for (const r of rowsOf(en.customers)) {
      expect(r[C.name]).toMatch(/^[A-Z][a-z']+ [A-Z][a-z]+ [A-Za-z &-]+ (Co\., Ltd\.|Corp\., Ltd\.|LLC)$/);
      expect(r[C.contact]).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
      expect(r[C.address]).toMatch(/^No\. \d+ /);
    }
    // the same customers underneath: numbers agree across languages
    const zh = generateSample({ customers: 50, seed: 3 });
    expect(rowsOf(en.customers).map((r) => [r[0], r[C.firstDate], r[C.annualSpend], r[C.cooperationYears]])).toEqual(
      rowsOf(zh.customers).map((r) => [r[0], r[C.firstDate], r[C.annualSpend], r[C.cooperationYears]]),
    );
  });

  it('the customer sheet totals agree with the orders: annual spend = orders of the last 12 months, years from the first date', () => {
    const bySpend = spendByPeriod(big, ['2025H1', '2025H2']);
    const end = isoDateToSerial(2025, 12, 31);
    for (const r of bigCustomers) {
      const spend = bySpend.get(r[0] as string) ?? [0, 0];
      expect(r[C.annualSpend]).toBe(spend[0]! + spend[1]!);
      expect(r[C.cooperationYears]).toBe(Math.floor((end + 1 - num(r[C.firstDate])) / 365.25));
    }
    // a quarter's sample: the 12 months ending 2025-12-31 take in only the orders of that quarter
    const q = generateSample({ customers: 200, periods: ['2024Q4', '2025Q4'] });
    const qs = spendByPeriod(q, ['2024Q4', '2025Q4']);
    for (const r of rowsOf(q.customers)) expect(r[C.annualSpend]).toBe(qs.get(r[0] as string)?.[1] ?? 0);
  });

  it('spend is skewed: the top 20% of customers hold 60–80% of the revenue', () => {
    const spend = bigCustomers.map((r) => num(r[C.annualSpend])).sort((a, b) => b - a);
    const total = spend.reduce((a, b) => a + b, 0);
    const top = spend.slice(0, spend.length / 5).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.6);
    expect(top / total).toBeLessThan(0.8);
  });

  it('grades out of the box with b2b-value, every tier within its expected share', () => {
    const grades = gradeRecords(
      b2b,
      bigCustomers.map((r) => ({ id: r[0] as string, values: { annualSpend: r[C.annualSpend] as number, cooperationYears: r[C.cooperationYears] as number } })),
    );
    for (const tier of b2b.tiers) {
      const share = grades.filter((g) => g.tier === tier.id).length / grades.length;
      expect(share, tier.id).toBeGreaterThanOrEqual(tier.expectedShare!.min);
      expect(share, tier.id).toBeLessThanOrEqual(tier.expectedShare!.max);
    }
  });

  it('orders are seasonal: Q4 is the peak, the Chinese New Year month dips, weekends are quiet', () => {
    const byMonth = new Array<number>(12).fill(0);
    let weekend = 0;
    for (const [, date, amount] of rowsOf(big.orders)) {
      const d = new Date((num(date) - 25_569) * 86_400_000);
      byMonth[d.getUTCMonth()]! += num(amount);
      if (d.getUTCDay() === 0 || d.getUTCDay() === 6) weekend++;
    }
    const q = [0, 1, 2, 3].map((k) => byMonth.slice(k * 3, k * 3 + 3).reduce((a, b) => a + b, 0));
    expect(q[3]).toBeGreaterThan(1.1 * Math.max(q[0]!, q[1]!, q[2]!));
    expect(byMonth[11]).toBe(Math.max(...byMonth)); // December
    expect(byMonth[0]! + byMonth[1]!).toBeLessThan(0.85 * (byMonth[2]! + byMonth[3]!)); // 2025 CNY: Jan 29
    expect(weekend / rowsOf(big.orders).length).toBeLessThan(0.12); // 2/7 of days, a quarter of the weight
  });

  it('customers churn between periods and new ones arrive; leavers score lower on their last survey', () => {
    const spend = spendByPeriod(big, ['2025H1', '2025H2']);
    const n = bigCustomers.length;
    const churned = bigCustomers.filter((r) => (spend.get(r[0] as string)?.[0] ?? 0) > 0 && (spend.get(r[0] as string)?.[1] ?? 0) === 0);
    const arrived = bigCustomers.filter((r) => (spend.get(r[0] as string)?.[0] ?? 0) === 0 && (spend.get(r[0] as string)?.[1] ?? 0) > 0);
    const dormant = bigCustomers.filter((r) => !spend.has(r[0] as string));
    expect(churned.length / n).toBeGreaterThan(0.06);
    expect(churned.length / n).toBeLessThan(0.14);
    expect(arrived.length / n).toBeGreaterThan(0.05);
    expect(arrived.length / n).toBeLessThan(0.12);
    expect(dormant.length / n).toBeGreaterThan(0.01);
    // new customers started in H2: their first cooperation date is in it, 0 years
    const h2 = periodWindow('2025H2')!;
    expect(arrived.every((r) => num(r[C.firstDate]) >= h2.start && r[C.cooperationYears] === 0)).toBe(true);
    // leavers get a win-back call
    const winBack = new Set(rowsOf(big.interactions).filter((r) => r[3] === '流失挽回：客户暂停采购').map((r) => r[0]));
    expect(churned.filter((r) => winBack.has(r[0])).length / churned.length).toBeGreaterThan(0.4);
    // and score lower than the stayers in H1
    const churnedIds = new Set(churned.map((r) => r[0]));
    const h1 = periodWindow('2025H1')!;
    const scores = rowsOf(big.satisfaction).filter((r) => num(r[1]) <= h1.end);
    const mean = (xs: CellValue[][]) => xs.reduce((a, r) => a + num(r[2]), 0) / xs.length;
    expect(mean(scores.filter((r) => churnedIds.has(r[0]))) + 1.5).toBeLessThan(mean(scores.filter((r) => !churnedIds.has(r[0]))));
  });
});

describe('generateSample: messy cells', () => {
  const clean = generateSample({ customers: 5000, seed: 11 });
  const messy = generateSample({ customers: 5000, seed: 11, messy: true });

  it('keeps the clean values underneath: messy mode only rewrites cells', () => {
    expect(messy.customers).toHaveLength(clean.customers.length + 1); // the row pasted twice
    expect(messy.orders).toHaveLength(clean.orders.length);
    expect(messy.interactions).toHaveLength(clean.interactions.length);
    expect(messy.satisfaction).toHaveLength(clean.satisfaction.length);
  });

  it(`rewrites ~${MESSY_RATES.readable * 100}% of amount, date, years and score cells as readable text and blanks ~${MESSY_RATES.blank * 100}%`, () => {
    const dup = messy.customers.findIndex((r, i) => i > 0 && r[0] === messy.customers[i - 1]![0]);
    expect(dup).toBeGreaterThan(0);
    const customers = messy.customers.filter((_, i) => i !== dup);
    let cells = 0;
    let text = 0;
    let blank = 0;
    let unreadable: CellValue[] = [];
    const check = (m: CellValue | undefined, c: CellValue | undefined, kind: 'number' | 'date') => {
      cells++;
      if (m === c) return;
      if (m === null) return void blank++;
      expect(typeof m).toBe('string');
      const p = kind === 'date' ? parseDate(m!) : parseNumber(m!);
      if (!p.ok) return void unreadable.push(m!);
      text++;
      expect(p.value, String(m)).toBeCloseTo(num(c), 6);
    };
    rowsOf(customers).forEach((r, i) => {
      const c = clean.customers[i + 1]!;
      check(r[C.firstDate], c[C.firstDate], 'date');
      check(r[C.annualSpend], c[C.annualSpend], 'number');
      check(r[C.cooperationYears], c[C.cooperationYears], 'number');
    });
    rowsOf(messy.orders).forEach((r, i) => {
      check(r[1], clean.orders[i + 1]![1], 'date');
      check(r[2], clean.orders[i + 1]![2], 'number');
    });
    rowsOf(messy.interactions).forEach((r, i) => check(r[1], clean.interactions[i + 1]![1], 'date'));
    rowsOf(messy.satisfaction).forEach((r, i) => {
      check(r[1], clean.satisfaction[i + 1]![1], 'date');
      check(r[2], clean.satisfaction[i + 1]![2], 'number');
    });
    expect(text / cells).toBeGreaterThan(MESSY_RATES.readable * 0.7);
    expect(text / cells).toBeLessThan(MESSY_RATES.readable * 1.3);
    expect(blank / cells).toBeGreaterThan(MESSY_RATES.blank * 0.5);
    expect(blank / cells).toBeLessThan(MESSY_RATES.blank * 1.5);
    unreadable = unreadable.sort();
    expect(unreadable).toEqual(['#N/A', '#N/A', '待定']); // years, an order amount, annual spend
  });

  it('the messy texts are the kinds people paste', () => {
    const texts = [...rowsOf(messy.customers), ...rowsOf(messy.orders)].flatMap((r) => r.filter((v) => typeof v === 'string'));
    expect(texts.some((v) => /^¥\d{1,3}(,\d{3})+$/.test(v as string))).toBe(true);
    expect(texts.some((v) => /^\d+(\.\d+)?万$/.test(v as string))).toBe(true);
    expect(texts.some((v) => /^[０-９]+$/.test(v as string))).toBe(true);
    expect(texts.some((v) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(v as string))).toBe(true);
    expect(texts.some((v) => /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(v as string))).toBe(true);
  });
});

describe('our own reader maps every generated header', () => {
  for (const lang of ['zh-CN', 'en-US'] as Lang[]) {
    const t = generateSample({ customers: 60, seed: 2, lang, messy: true });
    const H = SAMPLE_HEADERS[lang];

    it(`${lang}: the customer sheet: header found, id, name, annual spend and cooperation years mapped, nothing else claimed`, () => {
      const header = detectHeaderRow(t.customers, 1);
      expect(header?.row).toBe(1);
      expect(header!.headers).toEqual(H.customers);
      for (const scheme of listPresets()) {
        const m = mapColumns(header!.headers, scheme);
        const mapped = Object.fromEntries(Object.entries(m.byField).map(([f, c]) => [f, c.col]));
        expect(mapped.id, scheme.id).toBe(C.id);
        expect(mapped.name, scheme.id).toBe(C.name);
        expect(mapped.annualSpend, scheme.id).toBe(C.annualSpend);
        expect(mapped.cooperationYears, scheme.id).toBe(C.cooperationYears);
        expect(Object.keys(mapped).sort(), scheme.id).toEqual(['annualSpend', 'cooperationYears', 'id', 'name']);
        expect(m.problems.filter((p) => p.code === 'ambiguous'), scheme.id).toEqual([]);
      }
      const m = mapColumns(header!.headers, b2b);
      expect(m.problems).toEqual([]);
      expect(m.byField.annualSpend!.scale).toBe(1);
    });

    it(`${lang}: orders, interactions and satisfaction are recognised as such (and not as each other)`, () => {
      const o = detectHeaderRow(t.orders, 1)!;
      expect(o.row).toBe(1);
      expect(orderColumns(o.headers)).toEqual({ customerId: 0, date: 1, amount: 2 });
      const i = detectHeaderRow(t.interactions, 1)!;
      expect(i.row).toBe(1);
      expect(orderColumns(i.headers)).toBeNull();
      expect(interactionColumns(i.headers)).toEqual({ customerId: 0, date: 1, type: 2 });
      const s = detectHeaderRow(t.satisfaction, 1)!;
      expect(s.row).toBe(1);
      expect(orderColumns(s.headers)).toBeNull();
      expect(interactionColumns(s.headers)).toBeNull();
      expect(satisfactionColumns(s.headers)).toEqual({ customerId: 0, score: 2, date: 1 });
      // the customer sheet is none of the three
      expect(orderColumns(H.customers)).toBeNull();
      expect(interactionColumns(H.customers)).toBeNull();
      expect(satisfactionColumns(H.customers)).toBeNull();
    });
  }
});
