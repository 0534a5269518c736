// Ranges: values (parsed as typed input), number formats, formats, conditional formats, clear, delete.
import type { FakeContext } from './context.ts';
import { parseInput } from './input.ts';
import { FakeOfficeError, MAX_COLS, addressOf, intersects, type Rect, type Scalar, type SheetModel } from './model.ts';
import { ProxyBase, notLoaded } from './proxy.ts';
import { READ_CELL_LIMIT, bulkOverhead, cost } from './requests.ts';
import { checkCellText, checkOperationCells } from './limits.ts';

export interface Located {
  sheet: SheetModel;
  rect: Rect;
}

class FakeRangeFill {
  constructor(private readonly range: FakeRange) {}
  set color(v: string) {
    if (v === null || v === undefined) throw new FakeOfficeError('InvalidArgument', 'null is not a valid color value');
    this.range.formatCommand('format.fill.color', v, (l) => l.sheet.formats.push({ rect: l.rect, fill: v }));
  }
  get color(): string {
    throw notLoaded('RangeFill', 'color');
  }
  clear(): void {
    this.range.formatCommand('format.fill.clear', null, (l) => l.sheet.formats.push({ rect: l.rect, fill: null }));
  }
}

class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: { bold: boolean };
  constructor(private readonly range: FakeRange) {
    this.fill = new FakeRangeFill(range);
    const r = range;
    this.font = {
      set bold(v: boolean) {
        r.formatCommand('format.font.bold', v, (l) => l.sheet.formats.push({ rect: l.rect, bold: v }));
      },
      get bold(): boolean {
        throw notLoaded('RangeFont', 'bold');
      },
    };
  }
  set columnWidth(points: number) {
    this.range.formatCommand('format.columnWidth', points, (l) => {
      for (let c = l.rect.c0; c < l.rect.c0 + l.rect.cols; c++) l.sheet.columnWidths.set(c, points);
    });
  }
  get columnWidth(): number {
    throw notLoaded('RangeFormat', 'columnWidth');
  }
  set wrapText(v: boolean) {
    this.range.formatCommand('format.wrapText', v, (l) => l.sheet.formats.push({ rect: l.rect, wrap: v }));
  }
  get wrapText(): boolean {
    throw notLoaded('RangeFormat', 'wrapText');
  }
}

class FakeConditionalFormat {
  readonly custom: { rule: { formula: string }; format: { fill: { color: string } } };
  constructor(range: FakeRange, model: () => { formula: string; fill: string | null }) {
    this.custom = {
      rule: {
        set formula(v: string) {
          range.formatCommand('conditionalFormat.custom.rule.formula', v, () => (model().formula = v));
        },
        get formula(): string {
          throw notLoaded('ConditionalFormatRule', 'formula');
        },
      },
      format: {
        fill: {
          set color(v: string) {
            range.formatCommand('conditionalFormat.custom.format.fill.color', v, () => (model().fill = v));
          },
          get color(): string {
            throw notLoaded('ConditionalRangeFill', 'color');
          },
        },
      },
    };
  }
}

export class FakeRange extends ProxyBase<Located> implements Pick<Excel.Range, 'values' | 'numberFormat' | 'address' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount'> {
  protected readonly scalarProps = ['address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount', 'values', 'numberFormat'] as const;
  readonly format: FakeRangeFormat;
  readonly conditionalFormats: { add: (type: string) => FakeConditionalFormat; clearAll: () => void };
  private untracked = false;
  constructor(
    ctx: FakeContext,
    private readonly locate: () => Located | null,
    nullable = false,
  ) {
    super(ctx, 'Range', nullable);
    ctx.tracked++;
    this.format = new FakeRangeFormat(this);
    this.conditionalFormats = {
      add: (type: string) => {
        if (type !== 'Custom') throw new FakeOfficeError('NotImplemented', `fake: conditional format type ${type}`);
        let model: { rect: Rect; formula: string; fill: string | null } | null = null;
        this.formatCommand('conditionalFormats.add', type, (l) => {
          model = { rect: l.rect, formula: '', fill: null };
          l.sheet.conditionalFormats.push(model);
        });
        return new FakeConditionalFormat(this, () => model!);
      },
      clearAll: () =>
        this.formatCommand('conditionalFormats.clearAll', null, (l) => {
          l.sheet.conditionalFormats = l.sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, l.rect));
        }),
    };
  }
  protected tryResolve(): Located | null {
    return this.locate();
  }
  protected snapshot(l: Located, prop: string): unknown {
    const { sheet, rect } = l;
    switch (prop) {
      case 'address':
        return addressOf(sheet.name, rect);
      case 'rowIndex':
        return rect.r0;
      case 'columnIndex':
        return rect.c0;
      case 'rowCount':
        return rect.rows;
      case 'columnCount':
        return rect.cols;
      case 'cellCount':
        return rect.rows * rect.cols;
      case 'values':
      case 'numberFormat': {
        if (rect.rows * rect.cols > READ_CELL_LIMIT)
          throw new FakeOfficeError('RangeExceedsLimit', `The cell count in the range (${rect.rows * rect.cols}) has exceeded the maximum supported number.`);
        const out: (Scalar | string)[][] = new Array(rect.rows);
        for (let r = 0; r < rect.rows; r++) {
          const row = new Array<Scalar>(rect.cols);
          const src = sheet.rows[rect.r0 + r];
          for (let c = 0; c < rect.cols; c++) row[c] = prop === 'values' ? (src?.[rect.c0 + c] ?? '') : sheet.numberFormatAt(rect.r0 + r, rect.c0 + c);
          out[r] = row;
        }
        return out;
      }
      default:
        throw new FakeOfficeError('InvalidArgument', `fake: Range.${prop} cannot be loaded`);
    }
  }

  formatCommand(name: string, arg: unknown, run: (l: Located) => void): void {
    this.context.enqueue({ bytes: cost('Range', name, arg), run: () => run(this.target()) });
  }

  get address(): string {
    return this.read('address');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get values(): Scalar[][] {
    return this.read('values');
  }
  set values(input: Scalar[][]) {
    this.setLocal('values', input);
    if (!Array.isArray(input) || !input.every(Array.isArray)) throw new FakeOfficeError('InvalidArgument', 'fake: values must be a two-dimensional array');
    this.context.enqueue({
      bytes: cost('Range', 'values', input) + this.bulkBytes(input),
      run: () => {
        const { sheet, rect } = this.target();
        checkDims(rect, input);
        for (let r = 0; r < rect.rows; r++) {
          const row = input[r]!;
          for (let c = 0; c < rect.cols; c++) {
            const v = row[c];
            if (v === null || v === undefined) continue; // null leaves the cell unchanged
            checkCellText(v, () => addressOf(sheet.name, { r0: rect.r0 + r, c0: rect.c0 + c, rows: 1, cols: 1 }));
            const rr = rect.r0 + r;
            const cc = rect.c0 + c;
            if (typeof v === 'string') {
              const p = parseInput(v, sheet.numberFormatAt(rr, cc));
              sheet.set(rr, cc, p.value, p.formula, p.prefixed);
            } else sheet.set(rr, cc, v);
          }
        }
        // A table does not grow from values written below it: that is AutoCorrect's "include new rows" for
        // typing, undocumented for the API (hosts resize, ExcelApi 1.13, or add rows with table.rows.add).
        sheet.touch();
      },
    });
  }
  /** What office.js adds to the request when it splits this write (see requests.ts). */
  private bulkBytes(input: unknown[][]): number {
    return bulkOverhead(input.length, input[0]?.length ?? 0, this.context.excel.isSetSupported('ExcelApi', '1.3'));
  }
  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(input: string[][]) {
    this.setLocal('numberFormat', input);
    this.context.enqueue({
      bytes: cost('Range', 'numberFormat', input) + this.bulkBytes(input),
      run: () => {
        const { sheet, rect } = this.target();
        checkDims(rect, input);
        for (let r = 0; r < rect.rows; r++)
          for (let c = 0; c < rect.cols; c++) {
            const f = input[r]![c];
            if (f !== null && f !== undefined) sheet.setNumberFormat(rect.r0 + r, rect.c0 + c, f);
          }
      },
    });
  }
  clear(applyTo: string = 'All'): void {
    this.formatCommand('clear', applyTo, ({ sheet, rect }) => {
      const all = applyTo === 'All';
      if (all || applyTo === 'Contents') {
        const last = Math.min(sheet.rows.length, rect.r0 + rect.rows);
        for (let r = rect.r0; r < last; r++) for (let c = rect.c0; c < Math.min(rect.c0 + rect.cols, sheet.rows[r]!.length); c++) sheet.set(r, c, undefined);
        sheet.touch();
      }
      if (all || applyTo === 'Formats') {
        sheet.formats.push({ rect, fill: null, bold: false, wrap: false });
        for (const [c, col] of sheet.numberFormats) if (c >= rect.c0 && c < rect.c0 + rect.cols) col.fill(undefined, rect.r0, Math.min(col.length, rect.r0 + rect.rows));
        sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !intersects(cf.rect, rect));
      }
    });
  }
  /** Only whole rows (getEntireRow) with shift Up are modelled. */
  delete(shift: string): void {
    this.formatCommand('delete', shift, ({ sheet, rect }) => {
      if (shift !== 'Up' || rect.c0 !== 0 || rect.cols !== MAX_COLS) throw new FakeOfficeError('NotImplemented', 'fake: only entire rows can be deleted (shift Up)');
      checkOperationCells(rect, 'Range.delete');
      sheet.deleteRows(rect.r0, rect.rows, this.context.excel.tables);
    });
  }
  select(): void {
    this.formatCommand('select', null, ({ sheet, rect }) => {
      this.context.excel.selection = addressOf(sheet.name, rect);
    });
  }
  getEntireRow(): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.target();
      return { sheet, rect: { r0: rect.r0, rows: rect.rows, c0: 0, cols: MAX_COLS } };
    });
  }
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, rect } = this.target();
      return { sheet, rect: { r0: rect.r0 + row, c0: rect.c0 + column, rows: 1, cols: 1 } };
    });
  }
  untrack(): this {
    if (!this.untracked) {
      this.untracked = true;
      this.context.tracked--;
    }
    return this;
  }
}

function checkDims(rect: Rect, input: unknown[][]): void {
  if (input.length !== rect.rows || input.some((r) => r.length !== rect.cols))
    throw new FakeOfficeError('InvalidArgument', "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
}
