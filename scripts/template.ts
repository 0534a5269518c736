// The TierBook template workbook, built with exceljs (scripts/build-template.ts writes it to assets/template;
// `tierbook init` copies it). Sheets, in order:
//   使用说明 / Instructions   how to use it, in both languages (one text cell per row: never taken for a table)
//   客户信息 / Customers      the customer list: id, name, contact … 年度消费金额 and 合作年限 (what b2b-value grades)
//   订单记录 / Orders         customer id, order date, amount, product
//   互动记录 / Interactions   customer id, date, type (电话/会议/邮件/服务), notes
//   满意度 / Satisfaction     customer id, date, score 0–10
//   等级规则 / Tier Rules     the default scheme (b2b-value) laid out exactly as schemeToSheet + sheetValues
// Each data area is an Excel table with a styled, frozen header row, number formats (¥#,##0, yyyy-mm-dd) and
// data validation (dropdowns; number ranges) over TEMPLATE_ROWS rows; it holds `examples` rows of generated
// sample data (seed EXAMPLE_SEED) so the shape is plain, and the template grades out of the box.
//
// Deterministic: fixed workbook dates, and the package re-zipped with fixed entry times, so the same inputs give
// the same bytes.
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import {
  OUTPUT_COLUMNS,
  getPreset,
  columnLetter,
  layoutTables,
  schemeToSheet,
  sheetValues,
  type CellValue,
  type GeneratedSheet,
  type Lang,
} from '../src/core/index.ts';
import { CUSTOMER_COLUMNS, SAMPLE_HEADERS, generateSample, sampleChoices, type SampleTables } from './sample/index.ts';

export const TEMPLATE_SHEETS: Record<Lang, { guide: string; customers: string; orders: string; interactions: string; satisfaction: string; rules: string }> = {
  'zh-CN': { guide: '使用说明', customers: '客户信息', orders: '订单记录', interactions: '互动记录', satisfaction: '满意度', rules: '等级规则' },
  'en-US': { guide: 'Instructions', customers: 'Customers', orders: 'Orders', interactions: 'Interactions', satisfaction: 'Satisfaction', rules: 'Tier Rules' },
};

/** Excel table names (ASCII, unique in the workbook). */
export const TEMPLATE_TABLES = { customers: 'tbCustomers', orders: 'tbOrders', interactions: 'tbInteractions', satisfaction: 'tbSatisfaction', tiers: 'TierBookTiers' } as const;

/** Data rows (below the header) that carry the formats and validation. */
export const TEMPLATE_ROWS = 2000;
/** The example rows come from generateSample with this seed, picked so the 20 examples grade like a real list: 2 VIP, 4 key, 8 regular, 6 potential (one of them dormant, without orders). */
export const EXAMPLE_SEED = 2059;
export const DEFAULT_EXAMPLES = 20;
/** The scheme on the rules sheet. */
export const TEMPLATE_SCHEME = 'b2b-value';
/** Workbook created/modified date, and the zip entries' time. */
const FIXED_DATE = new Date(Date.UTC(2025, 0, 1));

export const MONEY_FORMAT = '¥#,##0';
export const DATE_FORMAT = 'yyyy-mm-dd';
const HEADER_FILL = 'FFDDEBF7';
const GUIDE_WIDTH = 120;
const RULES_HEADER_FILL = 'FFD9D9D9';

export interface TemplateOptions {
  /** Example customers (and about as many orders, interactions and surveys). 0 = headers only. Default 20. */
  examples?: number;
}

/**
 * The example rows: one calendar year (2025), one order, one interaction and one survey per active customer —
 * so each data sheet has about `examples` rows and each customer's 年度消费金额 is the total of its orders.
 * Orders, interactions and surveys are sorted by date.
 */
export function templateExamples(lang: Lang, examples = DEFAULT_EXAMPLES): SampleTables {
  const t = generateSample({ customers: examples, seed: EXAMPLE_SEED, periods: ['2025'], ordersPerPeriod: 1, interactionsPerPeriod: 1, surveyRate: 1, lang });
  const byDate = (rows: CellValue[][]) => [rows[0]!, ...rows.slice(1).sort((a, b) => (a[1] as number) - (b[1] as number) || String(a[0]).localeCompare(String(b[0])))];
  return { customers: t.customers, orders: byDate(t.orders), interactions: byDate(t.interactions), satisfaction: byDate(t.satisfaction) };
}

// ───────────────────────────── the instructions ─────────────────────────────

/** The steps in both languages, naming this template's own sheets and columns (whatever its language). */
function guideLines(lang: Lang): { zh: string[]; en: string[] } {
  const s = TEMPLATE_SHEETS[lang];
  const h = SAMPLE_HEADERS[lang];
  const spend = h.customers[CUSTOMER_COLUMNS.annualSpend]!;
  const years = h.customers[CUSTOMER_COLUMNS.cooperationYears]!;
  const out = (l: Lang) => OUTPUT_COLUMNS.map((c) => c.header[l]);
  const zh = [
    '使用步骤',
    `1. 在"${s.customers}"表粘贴客户名单：每位客户一行，客户编号不要重复。保留第 1 行表头；示例行（虚构数据）可直接覆盖或删除。`,
    `   评级用到"${spend}"和"${years}"两列（默认方案：企业客户价值分级）；其余列供查阅，可留空。`,
    `2. 在"${s.orders}"表粘贴订单：${h.orders.join('、')}。客户表没有"${spend}"时，TierBook 按订单汇总。`,
    `3. （可选）"${s.interactions}"表记录电话/会议/邮件/服务，"${s.satisfaction}"表记录 0–10 分的满意度评分。`,
    '4. 评级：在 Excel 中打开 TierBook 加载项（或浏览器版）点击"评级"；或在命令行运行  tierbook grade 本文件.xlsx',
    `5. 查看结果：客户表右侧新增 ${out('zh-CN').join('、')} 等列；每位客户都写明评级依据和距下一级的差距。`,
    '6. 每个周期（如每半年）更新数据后重新评级，并注明周期：tierbook grade 本文件.xlsx --period 2025H2',
    '   TierBook 把每期结果记入"等级历史"表，并在"上期等级""等级变动"列标出升级、降级。',
    `7. 调整方案：直接修改"${s.rules}"表中的阈值、权益，下次评级即按新方案执行（分区标题和表头请勿修改）。`,
    '',
    '填写提示',
    '· 日期写成 2025-03-05；金额填数字即可，"¥12,345""1.2万"这类写法也能识别，无法识别的单元格会在"数据问题"列中指出。',
    `· 行业、公司规模、互动类型可从下拉列表选择；${years}为 ≥ 0 的数字，满意度评分为 0–10 的整数。`,
    `· 表格可继续向下扩展；格式与下拉列表预设到第 ${(TEMPLATE_ROWS + 1).toLocaleString('en-US')} 行。`,
  ];
  const en = [
    'Steps',
    `1. Paste your customers into the "${s.customers}" sheet: one row per customer, each with its own customer ID. Keep the header row; the example rows (made-up data) can be overwritten or deleted.`,
    `   Grading uses "${spend}" and "${years}" (the default scheme: B2B customer value tiers); the other columns are for reference and may stay blank.`,
    `2. Paste orders into "${s.orders}": ${h.orders.join(', ')}. Without a "${spend}" column, TierBook totals the orders.`,
    `3. Optional: "${s.interactions}" (phone / meeting / email / service) and "${s.satisfaction}" (scores 0–10).`,
    '4. Grade: open the TierBook add-in in Excel (or the browser version) and click Grade, or run  tierbook grade this-file.xlsx',
    `5. Read the results: new columns right of the customer table — ${out('en-US').join(', ')}; every customer gets the reason for its tier and the gap to the next one.`,
    '6. Each period (e.g. every half-year), update the data and grade again, naming the period: tierbook grade this-file.xlsx --period 2025H2',
    '   TierBook records each period on the Tier History sheet and marks upgrades and downgrades in the Previous tier and Change columns.',
    `7. To change the scheme, edit thresholds and benefits on the "${s.rules}" sheet; the next run grades by them (keep its section titles and headers).`,
    '',
    'Tips',
    '· Dates like 2025-03-05; amounts as plain numbers ("¥12,345" and "1.2万" are read too; cells that cannot be read are listed in the Data issues column).',
    `· Industry, company size and interaction type have dropdown lists; ${years.toLowerCase()} is a number ≥ 0, the satisfaction score a whole number 0–10.`,
    `· The tables grow downwards; formats and dropdowns are set up to row ${(TEMPLATE_ROWS + 1).toLocaleString('en-US')}.`,
  ];
  return { zh, en };
}

function addGuide(wb: ExcelJS.Workbook, lang: Lang): void {
  const ws = wb.addWorksheet(TEMPLATE_SHEETS[lang].guide, { properties: { tabColor: { argb: 'FF4472C4' } } });
  ws.getColumn(1).width = GUIDE_WIDTH;
  const { zh, en } = guideLines(lang);
  const title = lang === 'zh-CN' ? ['TierBook 客户分级模板', 'TierBook customer tier template'] : ['TierBook customer tier template', 'TierBook 客户分级模板'];
  const blocks = lang === 'zh-CN' ? [zh, en] : [en, zh];
  const lines: { text: string; style: 'title' | 'subtitle' | 'heading' | 'text' }[] = [
    { text: title[0]!, style: 'title' },
    { text: title[1]!, style: 'subtitle' },
    { text: '', style: 'text' },
    ...blocks[0]!.map((t, i) => ({ text: t, style: i === 0 || t === (lang === 'zh-CN' ? '填写提示' : 'Tips') ? ('heading' as const) : ('text' as const) })),
    { text: '', style: 'text' },
    { text: lang === 'zh-CN' ? 'English' : '中文说明', style: 'subtitle' },
    ...blocks[1]!.map((t, i) => ({ text: t, style: i === 0 || t === (lang === 'zh-CN' ? 'Tips' : '填写提示') ? ('heading' as const) : ('text' as const) })),
  ];
  lines.forEach((line, i) => {
    if (!line.text) return;
    const cell = ws.getCell(i + 1, 1);
    cell.value = line.text;
    cell.alignment = { wrapText: true, vertical: 'top' };
    // Row heights set explicitly: not every reader grows a row for wrapped text or a larger font.
    const row = ws.getRow(i + 1);
    if (line.style === 'title') {
      cell.font = { bold: true, size: 16 };
      row.height = 26;
    } else if (line.style === 'subtitle') {
      cell.font = { bold: true, size: 12, color: { argb: 'FF595959' } };
      row.height = 20;
    } else if (line.style === 'heading') {
      cell.font = { bold: true, size: 12 };
      row.height = 22;
    } else {
      row.height = 15 * Math.ceil(displayWidth(line.text) / (GUIDE_WIDTH - 6));
    }
  });
  ws.pageSetup = { orientation: 'portrait', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

/** Width in character cells: CJK and full-width characters take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

// ───────────────────────────── the data sheets ─────────────────────────────

interface ColumnSpec {
  width: number;
  numFmt?: string;
  validation?: ExcelJS.DataValidation;
}

const list = (items: string[], lang: Lang, what: Record<Lang, string>): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${items.join(',')}"`],
  showErrorMessage: true,
  errorStyle: 'warning', // other values stay possible: a warning, not a refusal
  errorTitle: 'TierBook',
  error: lang === 'zh-CN' ? `请从列表中选择${what[lang]}` : `Choose a ${what[lang]} from the list`,
});

function numberRange(type: 'whole' | 'decimal', min: number, max: number | null, lang: Lang, message: Record<Lang, string>): ExcelJS.DataValidation {
  return {
    type,
    allowBlank: true,
    operator: max === null ? 'greaterThanOrEqual' : 'between',
    formulae: max === null ? [min] : [min, max],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'TierBook',
    error: message[lang],
    showInputMessage: true,
    prompt: message[lang],
  };
}

function customerColumns(lang: Lang): ColumnSpec[] {
  const c = sampleChoices(lang);
  const specs: ColumnSpec[] = [
    { width: 12 }, // id
    { width: 34 }, // name
    { width: 12 }, // contact
    { width: 16 }, // position
    { width: 14, numFmt: '@' }, // phone: text, so leading zeros and dashes stay
    { width: 38 }, // address
    { width: 14, validation: list(c.industries, lang, { 'zh-CN': '所属行业', 'en-US': 'industry' }) },
    { width: 12, validation: list(c.companySizes, lang, { 'zh-CN': '公司规模', 'en-US': 'company size' }) },
    { width: 20 }, // main business
    { width: 14, numFmt: DATE_FORMAT },
    { width: 12 }, // owner
    { width: 16, numFmt: MONEY_FORMAT, validation: numberRange('decimal', 0, null, lang, { 'zh-CN': '年度消费金额：≥ 0 的数字（元）', 'en-US': 'Annual spend: a number ≥ 0 (yuan)' }) },
    { width: 12, validation: numberRange('decimal', 0, null, lang, { 'zh-CN': '合作年限：≥ 0 的数字（年）', 'en-US': 'Cooperation years: a number ≥ 0' }) },
  ];
  if (specs.length !== SAMPLE_HEADERS[lang].customers.length || CUSTOMER_COLUMNS.cooperationYears !== specs.length - 1) throw new Error('customer columns out of step with SAMPLE_HEADERS');
  return specs;
}

function dataSheet(wb: ExcelJS.Workbook, name: string, tableName: string, header: string[], rows: CellValue[][], specs: ColumnSpec[], freezeCols = 0): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: freezeCols, ySplit: 1, topLeftCell: freezeCols ? `${columnLetter(freezeCols)}2` : 'A2', activeCell: 'A2' }],
  });
  specs.forEach((s, c) => {
    const col = ws.getColumn(c + 1);
    col.width = s.width;
    if (s.numFmt) col.numFmt = s.numFmt; // the column's style: rows typed or pasted below get it too
  });
  ws.addTable({
    name: tableName,
    displayName: tableName,
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleLight9', showRowStripes: true },
    columns: header.map((h) => ({ name: h, filterButton: true })),
    // An Excel table needs a data row: without examples, one empty row.
    rows: rows.length ? rows.map((r) => header.map((_, c) => r[c] ?? null)) : [header.map(() => null)],
  });
  const headerRow = ws.getRow(1);
  headerRow.height = 20;
  header.forEach((_, c) => {
    const cell = headerRow.getCell(c + 1);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEADER_FILL } };
    cell.alignment = { vertical: 'middle' };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } };
  });
  for (let r = 0; r < rows.length; r++) {
    specs.forEach((s, c) => {
      if (s.numFmt) ws.getCell(r + 2, c + 1).numFmt = s.numFmt;
    });
  }
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  specs.forEach((s, c) => {
    if (s.validation) validations.add(`${columnLetter(c)}2:${columnLetter(c)}${TEMPLATE_ROWS + 1}`, s.validation);
  });
}

// ───────────────────────────── the rules sheet ─────────────────────────────

/** The rules sheet as the file host writes it: sheetValues' grid, titles bold, headers shaded, tier rows in their colours. */
function rulesSheet(wb: ExcelJS.Workbook, sheet: GeneratedSheet): void {
  const ws = wb.addWorksheet(sheet.name);
  (sheet.widths ?? []).forEach((w, c) => (ws.getColumn(c + 1).width = w));
  const grid = sheetValues(sheet);
  const placements = layoutTables(sheet.tables);
  sheet.tables.forEach((t, i) => {
    const p = placements[i]!;
    if (p.titleRow !== null) ws.getCell(p.titleRow, 1).font = { bold: true, size: i === 0 ? 14 : 12 };
    t.rows.forEach((row, k) => {
      const fill = t.rowFills?.[k] ?? null;
      const width = Math.max(row.length, fill ? t.header.length : 0);
      for (let c = 0; c < width; c++) {
        const cell = ws.getCell(p.firstDataRow + k, c + 1);
        const fmt = t.numberFormats?.[c];
        if (fmt) cell.numFmt = fmt;
        if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill.slice(1).toUpperCase()}` } };
      }
    });
    if (t.tableName && t.rows.length) {
      ws.addTable({
        name: t.tableName,
        displayName: t.tableName,
        ref: `A${p.headerRow}`,
        headerRow: true,
        style: { showRowStripes: false },
        columns: t.header.map((h) => ({ name: h, filterButton: false })),
        rows: t.rows.map((r) => t.header.map((_, c) => r[c] ?? null)),
      });
    }
  });
  grid.forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
    });
  });
  sheet.tables.forEach((t, i) => {
    const p = placements[i]!;
    t.header.forEach((_, c) => {
      const cell = ws.getCell(p.headerRow, c + 1);
      cell.font = { bold: true };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RULES_HEADER_FILL } };
    });
  });
}

// ───────────────────────────── the workbook ─────────────────────────────

/** The template workbook of a language, as .xlsx bytes (the same bytes for the same inputs). */
export async function buildTemplate(lang: Lang, opts: TemplateOptions = {}): Promise<Uint8Array> {
  const examples = opts.examples ?? DEFAULT_EXAMPLES;
  if (!Number.isInteger(examples) || examples < 0 || examples > TEMPLATE_ROWS) throw new RangeError(`examples must be a whole number from 0 to ${TEMPLATE_ROWS}, got ${examples}`);
  const scheme = getPreset(TEMPLATE_SCHEME)!;
  const data = templateExamples(lang, examples);
  const names = TEMPLATE_SHEETS[lang];
  const H = SAMPLE_HEADERS[lang];
  const types = sampleChoices(lang).interactionTypes;

  const wb = new ExcelJS.Workbook();
  wb.creator = 'TierBook';
  wb.lastModifiedBy = 'TierBook';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = lang === 'zh-CN' ? 'TierBook 客户分级模板' : 'TierBook customer tier template';

  addGuide(wb, lang);
  dataSheet(wb, names.customers, TEMPLATE_TABLES.customers, H.customers, data.customers.slice(1), customerColumns(lang), 2);
  dataSheet(wb, names.orders, TEMPLATE_TABLES.orders, H.orders, data.orders.slice(1), [{ width: 12 }, { width: 14, numFmt: DATE_FORMAT }, { width: 16, numFmt: MONEY_FORMAT }, { width: 28 }]);
  dataSheet(wb, names.interactions, TEMPLATE_TABLES.interactions, H.interactions, data.interactions.slice(1), [
    { width: 12 },
    { width: 14, numFmt: DATE_FORMAT },
    { width: 10, validation: list(types, lang, { 'zh-CN': '互动类型', 'en-US': 'interaction type' }) },
    { width: 40 },
  ]);
  dataSheet(wb, names.satisfaction, TEMPLATE_TABLES.satisfaction, H.satisfaction, data.satisfaction.slice(1), [
    { width: 12 },
    { width: 14, numFmt: DATE_FORMAT },
    { width: 10, validation: numberRange('whole', 0, 10, lang, { 'zh-CN': '评分：0–10 的整数', 'en-US': 'Score: a whole number from 0 to 10' }) },
  ]);
  rulesSheet(wb, { ...schemeToSheet(scheme, lang), name: names.rules });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  return normaliseZip(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** Re-zip with fixed entry times (exceljs stamps the current time), keeping the entry order. */
export function normaliseZip(bytes: Uint8Array): Uint8Array {
  const entries = unzipSync(bytes);
  // DOS times are local times: a date built from local fields gives the same bytes in every time zone.
  const mtime = new Date(FIXED_DATE.getUTCFullYear(), FIXED_DATE.getUTCMonth(), FIXED_DATE.getUTCDate());
  const out: Zippable = {};
  for (const [name, data] of Object.entries(entries)) out[name] = [data, { mtime, level: 6 }];
  return zipSync(out);
}
