// Movement between periods (等级变动): the migration matrix, up/down/unchanged, new and churned, the customers
// who moved and what drove each move — every number checked by hand.
import { describe, expect, it } from 'vitest';
import { getPreset, sheetValues, type HistoryRecord } from '../../../src/core/index.ts';
import { CHURNED_COL, NEW_ROW, movementTables, moveDriver, tierMovement } from '../../../src/core/summaries/index.ts';
import { movementSheet } from '../../../src/core/summaries/tables.ts';
import { activityScheme, period, rec } from './records.ts';

const salon = getPreset('salon-spend')!;

// 2024 → 2025, salon-spend (diamond ≥ 20,000 > gold ≥ 10,000 > silver ≥ 5,000 > regular):
//   C1 diamond → gold (down)      C2 gold → diamond (up)     C3 gold → gold
//   C4 silver → gone (churned)    C5 regular → silver (up)   C6 silver → silver
//   C7 gold → regular (down two)  C8, C9 new (silver, regular)
const y2024 = period('2024', [
  ['C1', 'diamond', 25_000],
  ['C2', 'gold', 12_000],
  ['C3', 'gold', 11_000],
  ['C4', 'silver', 6_000],
  ['C5', 'regular', 4_000],
  ['C6', 'silver', 7_000],
  ['C7', 'gold', 12_000],
]);
const y2025 = period('2025', [
  ['C1', 'gold', 15_000],
  ['C2', 'diamond', 22_000],
  ['C3', 'gold', 11_500],
  ['C5', 'silver', 6_000],
  ['C6', 'silver', 7_000],
  ['C7', 'regular', 3_000],
  ['C8', 'silver', 5_500],
  ['C9', 'regular', 100],
]);

describe('tierMovement: the matrix', () => {
  const m = tierMovement(salon, y2024, y2025);

  it('rows are the tiers in 2024 plus new, columns the tiers in 2025 plus churned', () => {
    expect(m.from).toBe('2024');
    expect(m.to).toBe('2025');
    expect(m.rowLabels).toEqual(['diamond', 'gold', 'silver', 'regular', NEW_ROW]);
    expect(m.colLabels).toEqual(['diamond', 'gold', 'silver', 'regular', CHURNED_COL]);
    expect(m.matrix).toEqual([
      //  dia gold silv reg churned
      [0, 1, 0, 0, 0], // diamond: C1 → gold
      [1, 1, 0, 1, 0], // gold: C2 → diamond, C3 stays, C7 → regular
      [0, 0, 1, 0, 1], // silver: C6 stays, C4 churned
      [0, 0, 1, 0, 0], // regular: C5 → silver
      [0, 0, 1, 1, 0], // new: C8 silver, C9 regular
    ]);
  });

  it('counts upgrades (better tier: column before row), downgrades, unchanged, new and churned', () => {
    expect([m.upgrades, m.downgrades, m.unchanged, m.newCustomers, m.churned]).toEqual([2, 2, 2, 2, 1]);
    expect([m.unrated, m.lapsed]).toEqual([0, 0]);
  });

  it('lists the customers who moved: downgrades first, each with the driving metric', () => {
    expect(m.moves.map((x) => `${x.id} ${x.from}→${x.to} ${x.direction}`)).toEqual([
      'C1 diamond→gold down',
      'C7 gold→regular down',
      'C2 gold→diamond up',
      'C5 regular→silver up',
    ]);
    expect(m.moves[0]).toEqual({
      id: 'C1',
      name: '客户C1',
      from: 'diamond',
      to: 'gold',
      direction: 'down',
      driver: { metric: 'annualSpend', before: 25_000, after: 15_000, change: -0.4 },
    });
    expect(m.moves[3]!.driver).toEqual({ metric: 'annualSpend', before: 4_000, after: 6_000, change: 0.5 });
  });

  it('the pseudo labels never clash with a tier id (rfm-5 has a tier called "new")', () => {
    const rfm = getPreset('rfm-5')!;
    const mv = tierMovement(rfm, [], []);
    expect(mv.rowLabels).toEqual(['champions', 'loyal', 'potential', 'new', 'needs-attention', 'at-risk', 'hibernating', '(new)']);
    expect(new Set(mv.rowLabels).size).toBe(mv.rowLabels.length);
    // …and on the sheet the new-customer row is told apart from the 新客户 tier.
    const rows = movementTables(mv, rfm, 'zh-CN')[0]!.rows.map((r) => r[0]);
    expect(rows).toContain('新客户');
    expect(rows).toContain('新客户（上期未在册）');
    expect(movementTables(mv, rfm, 'en-US')[0]!.rows.map((r) => r[0])).toContain('New (not listed before)');
  });

  it('records of more than one period are refused', () => {
    expect(() => tierMovement(salon, [...y2024, ...y2025], y2025)).toThrow(/more than one period/);
  });

  it('customers without a tier at either end are left out and counted', () => {
    const m2 = tierMovement(
      salon,
      [rec('2024', 'A', 'gold'), rec('2024', 'B', null), rec('2024', 'C', 'platinum')],
      [rec('2025', 'A', null), rec('2025', 'B', 'gold'), rec('2025', 'C', 'gold'), rec('2025', 'D', null)],
    );
    // A unrated now, B unrated then, C's old tier is not in the scheme, D is new but unrated.
    expect(m2.unrated).toBe(4);
    expect(m2.matrix.flat().reduce((s, x) => s + x, 0)).toBe(0);
  });
});

describe('movementTables', () => {
  const m = tierMovement(salon, y2024, y2025);

  it('the count matrix has row and column totals', () => {
    const [counts] = movementTables(m, salon, 'zh-CN');
    expect(counts!.title).toBe('等级变动矩阵（客户数）：2024 → 2025');
    expect(counts!.header).toEqual(['上期 \\ 本期', '钻石会员', '金卡会员', '银卡会员', '普通会员', '流失', '合计']);
    expect(counts!.rows).toEqual([
      ['钻石会员', 0, 1, 0, 0, 0, 1],
      ['金卡会员', 1, 1, 0, 1, 0, 3],
      ['银卡会员', 0, 0, 1, 0, 1, 2],
      ['普通会员', 0, 0, 1, 0, 0, 1],
      ['新客户', 0, 0, 1, 1, 0, 2],
      ['合计', 1, 2, 3, 2, 1, 9],
    ]);
    expect(counts!.rowFills).toEqual(['#B4A7D6', '#FFD966', '#D9D9D9', '#E2EFDA', null, null]);
  });

  it('row percentages: each cell over its row total', () => {
    const shares = movementTables(m, salon, 'en-US')[1]!;
    expect(shares.header).toEqual(['Before \\ After', 'Diamond Member', 'Gold Member', 'Silver Member', 'Regular Member', 'Churned']);
    const gold = shares.rows[1]!;
    expect(gold[0]).toBe('Gold Member');
    // 3 gold customers: one each to diamond, gold, regular.
    expect(gold.slice(1)).toEqual([1 / 3, 1 / 3, 0, 1 / 3, 0]);
    expect(shares.rows[2]!.slice(1)).toEqual([0, 0, 0.5, 0, 0.5]);
    expect(shares.rows[4]!).toEqual(['New', 0, 0, 0.5, 0.5, 0]);
    expect(shares.numberFormats).toEqual([null, '0.0%', '0.0%', '0.0%', '0.0%', '0.0%']);
  });

  it('the summary: shares of the 7 customers with a tier in 2024, new customers of the 8 in 2025', () => {
    const summary = movementTables(m, salon, 'zh-CN')[2]!;
    expect(summary.rows).toEqual([
      ['升级', 2, 2 / 7],
      ['降级', 2, 2 / 7],
      ['不变', 2, 2 / 7],
      ['流失', 1, 1 / 7],
      ['新客户', 2, 2 / 8],
    ]);
    expect(summary.notes![0]).toContain('2024 有等级客户（7 位）');
  });

  it('the list: both tiers, the direction, the driver in the metric’s unit and the change', () => {
    const list = movementTables(m, salon, 'zh-CN')[3]!;
    expect(list.title).toBe('变动客户明细（4 位）');
    expect(list.header).toEqual(['客户编号', '客户名称', '上期等级', '本期等级', '变动', '主要变动指标', '上期值', '本期值', '变化幅度']);
    expect(list.rows[0]).toEqual(['C1', '客户C1', '钻石会员', '金卡会员', '↓ 降级', '年度消费金额', '¥25,000', '¥15,000', -0.4]);
    expect(list.rows[2]).toEqual(['C2', '客户C2', '金卡会员', '钻石会员', '↑ 升级', '年度消费金额', '¥12,000', '¥22,000', 10_000 / 12_000]);
    expect(list.tableName).toBe('TierBookMoves');
    const en = movementTables(m, salon, 'en-US')[3]!;
    expect(en.rows[3]).toEqual(['C5', '客户C5', 'Regular Member', 'Silver Member', '↑ Up', 'Annual spend', '¥4,000', '¥6,000', 0.5]);
  });

  it('says churn is told by absence alone when history holds no recency', () => {
    const notes = movementTables(m, salon, 'zh-CN')[0]!.notes!;
    expect(notes[1]).toBe('"新客户"：2024 未在册（或当时已流失）、2025 在册的客户；"流失"：2024 在册、2025 不在名单中的客户。');
  });

  it('the generated sheet is named in the user’s language', () => {
    expect(movementSheet(m, salon, 'zh-CN').name).toBe('等级变动');
    expect(movementSheet(m, salon, 'en-US').name).toBe('Tier Movement');
    const grid = sheetValues(movementSheet(m, salon, 'en-US'));
    expect(grid[0]).toEqual(['Tier movement (customers): 2024 → 2025']);
  });
});

describe('a customer who skips a period', () => {
  const p1 = period('2025Q1', [['X', 'gold', 12_000], ['Y', 'silver', 6_000]]);
  const p2 = period('2025Q2', [['Y', 'silver', 6_500]]);
  const p3 = period('2025Q3', [['X', 'gold', 13_000], ['Y', 'silver', 6_000]]);

  it('is churned from Q1 to Q2 …', () => {
    const m = tierMovement(salon, p1, p2);
    expect(m.churned).toBe(1);
    expect(m.matrix[1]![4]).toBe(1);
    expect(m.newCustomers).toBe(0);
  });

  it('… and new from Q2 to Q3', () => {
    const m = tierMovement(salon, p2, p3);
    expect(m.newCustomers).toBe(1);
    expect(m.matrix[4]).toEqual([0, 1, 0, 0, 0]);
    expect(m.churned).toBe(0);
    expect(m.unchanged).toBe(1);
    // Empty rows have no percentages.
    const shares = movementTables(m, salon, 'zh-CN')[1]!;
    expect(shares.rows[0]).toEqual(['钻石会员', null, null, null, null, null]);
    expect(shares.rows[4]).toEqual(['新客户', 0, 1, 0, 0, 0]);
  });
});

describe('recency: listed but without a purchase for more than churnDays', () => {
  const s = activityScheme(); // churn after 180 days
  const r = (p: string, id: string, tier: string, spend: number, recency: number) => rec(p, id, tier, { annualSpend: spend, recencyDays: recency });
  // A stays; B was lapsed already and still is; C is listed but lapses; D disappears; E is new;
  // F was lapsed and buys again.
  const q1 = [r('2025Q1', 'A', 'top', 20_000, 10), r('2025Q1', 'B', 'mid', 4_000, 200), r('2025Q1', 'C', 'mid', 5_000, 20), r('2025Q1', 'D', 'low', 1_000, 100), r('2025Q1', 'F', 'low', 500, 400)];
  const q2 = [r('2025Q2', 'A', 'top', 21_000, 5), r('2025Q2', 'B', 'mid', 4_000, 290), r('2025Q2', 'C', 'mid', 5_000, 190), r('2025Q2', 'E', 'low', 800, 3), r('2025Q2', 'F', 'mid', 3_500, 2)];

  it('C (190 days > 180) is churned although listed; B lapsed at both ends is left out; F comes back as new', () => {
    const m = tierMovement(s, q1, q2);
    expect(m.matrix).toEqual([
      [1, 0, 0, 0], // top: A stays
      [0, 0, 0, 1], // mid: C churned (B left out)
      [0, 0, 0, 1], // low: D churned (F was lapsed, so not a low customer at the start)
      [0, 1, 1, 0], // new: F mid, E low
    ]);
    expect([m.churned, m.newCustomers, m.unchanged, m.lapsed]).toEqual([2, 2, 1, 1]);
    expect(m.recencyKnown).toBe(true);
    expect(movementTables(m, s, 'zh-CN')[0]!.notes![1]).toContain('2025Q2 不在名单中或已超过 180 天无消费的客户');
  });

  it('churnDays null turns the recency test off', () => {
    const m = tierMovement(s, q1, q2, { churnDays: null });
    // B and C stay mid, F stays in low → mid (an upgrade), D alone churns, E alone is new.
    expect(m.matrix).toEqual([
      [1, 0, 0, 0],
      [0, 2, 0, 0],
      [0, 1, 0, 1],
      [0, 0, 1, 0],
    ]);
    expect(m.recencyKnown).toBe(false);
  });
});

describe('moveDriver: the metric whose relative change went furthest the way of the move', () => {
  const s = activityScheme();
  const before = (metrics: Record<string, number>): HistoryRecord => rec('2025Q1', 'X', 'top', metrics);
  const after = (metrics: Record<string, number>): HistoryRecord => rec('2025Q2', 'X', 'mid', metrics);

  it('a downgrade: spend −25%, orders +25% (the wrong way, ignored), recency 10 → 40 days (+300%, worse) → recency', () => {
    const d = moveDriver(s, before({ annualSpend: 12_000, orderCount: 12, recencyDays: 10 }), after({ annualSpend: 9_000, orderCount: 15, recencyDays: 40 }), 'down');
    expect(d).toEqual({ metric: 'recencyDays', before: 10, after: 40, change: 3 });
  });

  it('a downgrade driven by spend when recency improved', () => {
    const d = moveDriver(s, before({ annualSpend: 12_000, orderCount: 12, recencyDays: 40 }), after({ annualSpend: 9_000, orderCount: 12, recencyDays: 10 }), 'down');
    expect(d).toEqual({ metric: 'annualSpend', before: 12_000, after: 9_000, change: -0.25 });
  });

  it('an upgrade: recency 60 → 20 days (−66.7%, better) beats spend +20%', () => {
    const d = moveDriver(s, before({ annualSpend: 2_000, orderCount: 2, recencyDays: 60 }), after({ annualSpend: 2_400, orderCount: 2, recencyDays: 20 }), 'up');
    expect(d?.metric).toBe('recencyDays');
    expect(d?.change).toBeCloseTo(-2 / 3, 12);
  });

  it('a change away from 0 counts as the largest', () => {
    const d = moveDriver(s, before({ annualSpend: 2_000, orderCount: 0, recencyDays: 60 }), after({ annualSpend: 2_500, orderCount: 4, recencyDays: 20 }), 'up');
    expect(d).toEqual({ metric: 'orderCount', before: 0, after: 4, change: Infinity });
  });

  it('none when no metric moved the way of the move, or a metric is missing at one end', () => {
    expect(moveDriver(s, before({ annualSpend: 5_000, orderCount: 5, recencyDays: 20 }), after({ annualSpend: 5_000, orderCount: 6, recencyDays: 15 }), 'down')).toBeNull();
    expect(moveDriver(s, before({ annualSpend: 5_000 }), after({ orderCount: 6 }), 'up')).toBeNull();
  });

  it('an infinite change shows as a blank change cell, the values still shown', () => {
    const m = tierMovement(
      s,
      [rec('2025Q1', 'X', 'low', { annualSpend: 2_000, orderCount: 0, recencyDays: 60 })],
      [rec('2025Q2', 'X', 'mid', { annualSpend: 2_500, orderCount: 4, recencyDays: 20 })],
    );
    expect(movementTables(m, s, 'zh-CN')[3]!.rows[0]).toEqual(['X', '客户X', '一般客户', '活跃客户', '↑ 升级', '消费次数', '0 次', '4 次', null]);
  });
});
