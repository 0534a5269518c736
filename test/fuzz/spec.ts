// Random messy customer workbooks as data (a JSON spec), so that independent producers — exceljs here,
// openpyxl in write_openpyxl.py, LibreOffice by re-saving — write the very same workbook. Seeded: a case
// is reproduced from (seed, index) alone.

import { mulberry32, type Rng } from '../../scripts/sample/random.ts';

export type { Rng };
export const rngFrom = mulberry32;
export const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
export const chance = (rng: Rng, p: number): boolean => rng() < p;
export const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

/** One cell. `k`: s text, n number, b boolean, e error, d date (ISO, no time), f formula, rich, link. */
export interface CellSpec {
  a: string;
  k: 's' | 'n' | 'b' | 'e' | 'd' | 'f' | 'rich' | 'link';
  v?: string | number | boolean;
  /** Formula text without "=". */
  f?: string;
  /** The cached result of a formula; absent = none stored (what openpyxl writes). */
  cached?: string | number;
  /** Master of a shared formula over this range (exceljs only; the others write plain formulas). */
  sharedRef?: string;
  /** Dependent of the shared formula whose master is this address. */
  sharedOf?: string;
  rich?: { text: string; bold?: boolean; color?: string }[];
  link?: string;
  note?: string;
  numFmt?: string;
}

export interface TableSpec {
  name: string;
  ref: string;
  columns: string[];
}

export interface SheetSpec {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  cells: CellSpec[];
  merges: string[];
  hiddenRows: number[];
  hiddenCols: number[];
  table?: TableSpec;
}

export interface BookSpec {
  id: string;
  date1904: boolean;
  sheets: SheetSpec[];
  /** What the oracle needs to know about the customer sheet. */
  meta: {
    customerSheet: string;
    headerRow: number;
    firstDataRow: number;
    lastDataRow: number;
    /** Last column of the customer data (1-based); output goes to its right. */
    lastDataCol: number;
    /** Customer rows (non-blank, not a total line). */
    customers: number;
    /** Addresses on the customer sheet holding formulas right of the data or in the header row right of it. */
    formulasRight: string[];
    /** Text the user typed where the output columns would go (right of the data, within eight columns). */
    textRight: string[];
    /** Addresses of a user column whose header is one of ours (客户等级, 数据问题 …). */
    userOurColumn: string[];
    /** User sheets named like ours (等级规则, 等级历史 …). */
    userOurSheets: string[];
    features: string[];
  };
}

export function colName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export const addr = (r: number, c: number) => `${colName(c)}${r}`;

const ID_HEADERS = ['客户编号', '客户ID', '客户代码', 'Customer ID', '会员编号', '编号'];
const NAME_HEADERS = ['客户名称', '公司名称', '客户全称', 'Customer name', '企业名称'];
const SPEND_HEADERS = ['年度消费金额', '年销售额', '销售额', 'Annual revenue', '年度采购额', '交易金额'];
const YEARS_HEADERS = ['合作年限', '合作年数', 'Years', '合作年限（年）'];
const EXTRA_HEADERS = ['联系人', '备注', '所在城市', '客户经理', '电话'];
const CITIES = ['上海', '北京', '广州', '深圳', '杭州', '成都', '武汉', '苏州', '南京', '天津'];
const COMPANY_TAILS = ['精密机械有限公司', '云启科技有限公司', '恒达物流有限公司', '博远电子有限公司', '食品有限公司', '纺织有限公司', '建材有限公司'];
const FULLWIDTH = '０１２３４５６７８９';
const toFullWidth = (s: string) => s.replace(/[0-9]/g, (d) => FULLWIDTH[Number(d)]!).replace(/,/g, '，');
const grouped = (n: number) => n.toLocaleString('en-US');
/** Our own names, as a user might already use them. */
export const OUR_COLUMN_NAMES = ['客户等级', '数据问题', '等级得分', '上期等级'];
export const OUR_SHEET_NAMES = ['等级规则', '等级历史', 'Tier History', 'Tier Rules'];
/** Text a user may type that looks like a formula: it must stay text. */
const FORMULA_LIKE_TEXT = ['=HYPERLINK("http://example.com","点我")', '+86 138 0000 0000', '-折扣客户-', '@总部', '=1+1'];

/** An amount as users paste it: number or text in every rendering, blank, error or a formula. */
function amountCell(rng: Rng, a: string, features: Set<string>): CellSpec | null {
  const n = pick(rng, [30_500, 99_999, 120_000, 510_000, 620_000, 980_000, 1_000_000, 1_250_000, 2_300_000]) + int(rng, 0, 9) * 1000;
  const r = rng();
  if (r < 0.3) return { a, k: 'n', v: n, ...(chance(rng, 0.3) ? { numFmt: '"¥"#,##0' } : {}) };
  if (r < 0.4) return { a, k: 's', v: `¥${grouped(n)}` };
  if (r < 0.48) return { a, k: 's', v: `${n / 10000}万` };
  if (r < 0.55) return { a, k: 's', v: toFullWidth(grouped(n)) };
  if (r < 0.6) return { a, k: 's', v: `${grouped(n)}元` };
  if (r < 0.64) return { a, k: 's', v: `RMB ${grouped(n)}` };
  if (r < 0.68) return { a, k: 's', v: '待定' };
  if (r < 0.71) return { a, k: 'e', v: pick(rng, ['#N/A', '#VALUE!', '#DIV/0!', '#REF!']) };
  if (r < 0.75) return null;
  features.add('formula-in-data');
  const cached = chance(rng, 0.5) ? n : undefined;
  return { a, k: 'f', f: `${n / 1000}*1000`, ...(cached !== undefined ? { cached } : {}) };
}

function yearsCell(rng: Rng, a: string): CellSpec | null {
  const y = int(rng, 0, 12);
  const r = rng();
  if (r < 0.7) return { a, k: 'n', v: y };
  if (r < 0.78) return { a, k: 's', v: toFullWidth(String(y)) };
  if (r < 0.85) return { a, k: 's', v: `${y}年` };
  if (r < 0.9) return { a, k: 's', v: '待定' };
  return null;
}

/**
 * A random messy customer workbook. `i` numbers the case (ids, table names); what the oracle must know
 * (where the data is, which user cells sit where output would go) travels in `meta`.
 */
export function randomBook(rng: Rng, id: string, opts: { date1904?: boolean; plain?: boolean } = {}): BookSpec {
  const features = new Set<string>();
  const sheets: SheetSpec[] = [];
  const cells: CellSpec[] = [];
  const merges: string[] = [];
  const hiddenRows: number[] = [];
  const hiddenCols: number[] = [];
  const plain = opts.plain ?? false;

  // Columns: id, name, spend, years, then extras; sometimes a user column with one of our names.
  const headers = [pick(rng, ID_HEADERS), pick(rng, NAME_HEADERS), pick(rng, SPEND_HEADERS), pick(rng, YEARS_HEADERS)];
  const extras = int(rng, 0, 2);
  for (let i = 0; i < extras; i++) headers.push(EXTRA_HEADERS[(i + int(rng, 0, 4)) % EXTRA_HEADERS.length]! + (i ? String(i) : ''));
  const dateCol = chance(rng, 0.35) || opts.date1904 ? headers.push('最近消费日期') : 0;
  const ourCol = !plain && chance(rng, 0.18) ? headers.push(pick(rng, OUR_COLUMN_NAMES.slice(0, 2))) : 0;
  const linkCol = !plain && chance(rng, 0.2) ? headers.push('官网') : 0;
  if (ourCol) features.add('user-our-column');
  const lastDataCol = headers.length;

  // Title rows, a merged title, notes and blank rows above the header.
  let row = 1;
  if (chance(rng, 0.7)) {
    cells.push({ a: addr(row, 1), k: 's', v: `${pick(rng, ['2025年', '2024年度', ''])}重点客户名单` });
    if (chance(rng, 0.6)) {
      merges.push(`A${row}:${colName(Math.min(lastDataCol, 6))}${row}`);
      features.add('merged');
    }
    row++;
  }
  if (chance(rng, 0.4)) cells.push({ a: addr(row++, 1), k: 's', v: '制表人：张三    日期：2025-12-31' });
  if (chance(rng, 0.4)) row++;
  const headerRow = row;
  headers.forEach((h, i) => cells.push({ a: addr(headerRow, i + 1), k: 's', v: h }));
  row++;

  const formulasRight: string[] = [];
  const userOurColumn: string[] = [];
  if (ourCol) userOurColumn.push(addr(headerRow, ourCol));
  const firstDataRow = row;
  const n = int(rng, 3, 30);
  let customers = 0;
  const rightFormula = !plain && chance(rng, 0.35);
  const rightCol = lastDataCol + int(rng, 1, 3);
  const cachedMode = pick(rng, ['none', 'value', 'empty'] as const);
  const sharedRight = rightFormula && chance(rng, 0.4);
  if (rightFormula) {
    features.add(`formula-right-${cachedMode}`);
    if (chance(rng, 0.5)) {
      const a = addr(headerRow, rightCol);
      cells.push({ a, k: 'f', f: `"合计"&COUNTA(A${firstDataRow}:A${firstDataRow + n})`, ...(cachedMode === 'value' ? { cached: '合计' } : cachedMode === 'empty' ? { cached: '' } : {}) });
      formulasRight.push(a);
    }
  }
  const table = !plain && !opts.date1904 && chance(rng, 0.15);
  let sharedMaster = '';
  for (let i = 0; i < n; i++) {
    if (!table && chance(rng, 0.08)) {
      row++; // a blank row inside the data
      features.add('blank-rows');
    }
    customers++;
    const idText = `KH-${String(1000 + i)}`;
    cells.push({ a: addr(row, 1), k: 's', v: idText });
    const name = `${pick(rng, CITIES)}${pick(rng, COMPANY_TAILS)}${i}`;
    if (!table && !plain && chance(rng, 0.06)) {
      cells.push({ a: addr(row, 2), k: 'rich', rich: [{ text: name.slice(0, 2), bold: true }, { text: name.slice(2), color: 'FFFF0000' }] });
      features.add('rich-text');
    } else if (!plain && chance(rng, 0.04)) {
      cells.push({ a: addr(row, 2), k: 's', v: pick(rng, FORMULA_LIKE_TEXT) });
      features.add('formula-like-text');
    } else cells.push({ a: addr(row, 2), k: 's', v: name });
    const spend = table ? { a: addr(row, 3), k: 'n' as const, v: int(rng, 10, 300) * 10_000 } : amountCell(rng, addr(row, 3), features);
    if (spend) cells.push(spend);
    const years = table ? { a: addr(row, 4), k: 'n' as const, v: int(rng, 0, 9) } : yearsCell(rng, addr(row, 4));
    if (years) cells.push(years);
    for (let e = 0; e < extras; e++) if (chance(rng, 0.7)) cells.push({ a: addr(row, 5 + e), k: 's', v: `${pick(rng, ['王', '李', '张', '刘'])}经理${i}` });
    if (dateCol && chance(rng, 0.9)) {
      const d = new Date(Date.UTC(2025, int(rng, 0, 11), int(rng, 1, 28)));
      cells.push({ a: addr(row, dateCol), k: 'd', v: d.toISOString().slice(0, 10), numFmt: 'yyyy-mm-dd' });
      features.add('dates');
    }
    if (ourCol && chance(rng, 0.8)) {
      const a = addr(row, ourCol);
      cells.push({ a, k: 's', v: pick(rng, ['A', 'B', 'C', '重点', '一般']) });
      userOurColumn.push(a);
    }
    if (linkCol && chance(rng, 0.7)) {
      cells.push({ a: addr(row, linkCol), k: 'link', v: `官网${i}`, link: `https://example.com/c/${i}` });
      features.add('hyperlinks');
    }
    if (!plain && chance(rng, 0.05)) {
      const a = addr(row, 1);
      const c = cells.find((x) => x.a === a)!;
      c.note = `回访记录：${i}`;
      features.add('comments');
    }
    if (rightFormula) {
      const a = addr(row, rightCol);
      const cached = cachedMode === 'value' ? i * 2 : cachedMode === 'empty' ? '' : undefined;
      const f = cachedMode === 'empty' ? `IF(D${row}>100,D${row},"")` : `ROW()*2`;
      const cell: CellSpec = { a, k: 'f', f, ...(cached !== undefined ? { cached } : {}) };
      if (sharedRight && f === 'ROW()*2') {
        if (!sharedMaster) sharedMaster = a;
        else cell.sharedOf = sharedMaster;
        features.add('shared-formula');
      }
      cells.push(cell);
      formulasRight.push(a);
    }
    if (!plain && chance(rng, 0.04)) {
      hiddenRows.push(row);
      features.add('hidden-rows');
    }
    row++;
  }
  const lastDataRow = row - 1;
  if (sharedMaster) {
    const m = cells.find((c) => c.a === sharedMaster)!;
    const last = [...cells].reverse().find((c) => c.sharedOf === sharedMaster);
    if (last) m.sharedRef = `${sharedMaster}:${last.a}`;
    else delete m.sharedRef;
  }
  // A total line with a SUM below the data (not a customer).
  if (!table && chance(rng, 0.3)) {
    cells.push({ a: addr(row + 1, 1), k: 's', v: '合计' });
    cells.push({ a: addr(row + 1, 3), k: 'f', f: `SUM(C${firstDataRow}:C${lastDataRow})`, ...(chance(rng, 0.5) ? { cached: 0 } : {}) });
    features.add('total-line');
  }
  // A remark typed right next to the data, where the output would go.
  const textRight: string[] = [];
  if (!plain && chance(rng, 0.15)) {
    let col = lastDataCol + int(rng, 1, 8);
    if (rightFormula && col === rightCol) col++;
    const a = addr(int(rng, firstDataRow, lastDataRow), col);
    if (!cells.some((c) => c.a === a)) {
      cells.push({ a, k: 's', v: '待回访' });
      textRight.push(a);
      features.add('text-right');
    }
  }
  // Notes to the right, beyond where the output goes.
  if (!plain && chance(rng, 0.2)) {
    cells.push({ a: addr(headerRow, lastDataCol + 12), k: 's', v: '备注：金额单位为元' });
    features.add('note-far-right');
  }
  if (!plain && chance(rng, 0.15)) {
    hiddenCols.push(int(rng, 5, Math.max(5, lastDataCol)));
    features.add('hidden-cols');
  }
  const customerSheet = pick(rng, ['客户名单', 'Sheet1', '客户信息', '2025客户', 'Customers']);
  const sheet: SheetSpec = { name: customerSheet, state: 'visible', cells, merges, hiddenRows, hiddenCols };
  if (table) {
    sheet.table = { name: `T_${id.replace(/\W/g, '_')}`, ref: `A${headerRow}:${colName(lastDataCol)}${lastDataRow}`, columns: headers };
    features.add('excel-table');
  }

  // Other sheets: a notes sheet first (so the customer sheet is not always the first), hidden sheets, and
  // sometimes a user sheet with one of our names.
  if (!plain && chance(rng, 0.4)) {
    sheets.push({
      name: '说明',
      state: 'visible',
      cells: [
        { a: 'A1', k: 's', v: '本工作簿由销售运营部维护' },
        { a: 'A2', k: 'f', f: `COUNTA('${customerSheet}'!A:A)`, ...(chance(rng, 0.5) ? { cached: customers + 1 } : {}) },
        { a: 'A3', k: 'b', v: true },
        { a: 'B3', k: 'd', v: '2025-06-30', numFmt: 'yyyy"年"m"月"d"日"' },
      ],
      merges: [],
      hiddenRows: [],
      hiddenCols: [],
    });
  }
  sheets.push(sheet);
  if (!plain && chance(rng, 0.2)) {
    sheets.push({
      name: '内部',
      state: chance(rng, 0.5) ? 'hidden' : 'veryHidden',
      cells: [{ a: 'A1', k: 's', v: '内部数据' }, { a: 'B2', k: 'n', v: 42 }, { a: 'C3', k: 'e', v: '#N/A' }],
      merges: [],
      hiddenRows: [],
      hiddenCols: [],
    });
    features.add('hidden-sheet');
  }
  const userOurSheets: string[] = [];
  if (!plain && chance(rng, 0.15)) {
    const name = pick(rng, OUR_SHEET_NAMES);
    userOurSheets.push(name);
    sheets.push({
      name,
      state: 'visible',
      cells: [
        { a: 'A1', k: 's', v: name.startsWith('Tier') ? 'Our own notes' : '本部门自定的等级说明（手工维护）' },
        { a: 'A2', k: 's', v: '等级' },
        { a: 'B2', k: 's', v: '门槛' },
        { a: 'A3', k: 's', v: 'A' },
        { a: 'B3', k: 'n', v: 1_000_000 },
        { a: 'A4', k: 's', v: 'B' },
        { a: 'B4', k: 's', v: '50万' },
      ],
      merges: [],
      hiddenRows: [],
      hiddenCols: [],
    });
    features.add('user-our-sheet');
  }
  if (opts.date1904) features.add('date1904');
  return {
    id,
    date1904: opts.date1904 ?? false,
    sheets,
    meta: { customerSheet, headerRow, firstDataRow, lastDataRow, lastDataCol, customers, formulasRight, textRight, userOurColumn, userOurSheets, features: [...features].sort() },
  };
}
