// The currency amounts are shown in. The scheme has one (¥ unless set); when its amount cells show another
// (£, $, €, HK$, NT$) and the scheme sets none of its own, the run uses the data's and says so. A column
// that mixes currencies is a warning naming the cells: amounts are never converted, so they do not add up.
import { columnCurrencies, loc, type Localized, type Scheme } from '../core/index.ts';

/** One amount column and the cells (A1) showing each currency. */
export interface ColumnCurrencies {
  sheet: string;
  header: string;
  cells: Map<string, string[]>;
}

/** The currencies of a column of cells, with `at(i)` giving each cell's A1 reference. */
export function currenciesOf(sheet: string, header: string, cells: ArrayLike<unknown>, at: (i: number) => string): ColumnCurrencies | null {
  const found = columnCurrencies(cells);
  if (found.size === 0) return null;
  return { sheet, header, cells: new Map([...found].map(([c, idx]) => [c, idx.map(at)])) };
}

const DEFAULT_CURRENCY = '¥';

function examples(cells: readonly string[]): string {
  return cells.slice(0, 3).join(', ') + (cells.length > 3 ? ' …' : '');
}

/**
 * The scheme to grade with (its currency taken from the data when it set none) and what to say.
 * `setByUser`: the scheme came from the workbook's rules sheet, whose currency the user can see and edit.
 */
export function currencyFromData(scheme: Scheme, columns: readonly ColumnCurrencies[], setByUser: boolean): { scheme: Scheme; warnings: Localized[] } {
  const warnings: Localized[] = [];
  const all = new Map<string, string[]>();
  for (const col of columns) {
    for (const [c, cells] of col.cells) all.set(c, [...(all.get(c) ?? []), ...cells.map((x) => `${col.sheet}!${x}`)]);
    if (col.cells.size > 1) {
      const parts = [...col.cells].map(([c, cells]) => `${c}：${examples(cells)}`);
      const partsEn = [...col.cells].map(([c, cells]) => `${c}: ${examples(cells)}`);
      warnings.push(
        loc(
          `工作表"${col.sheet}"的"${col.header}"列混有多种币种（${parts.join('；')}），金额未做汇率换算，不能直接相加或比较`,
          `Column "${col.header}" of sheet "${col.sheet}" mixes currencies (${partsEn.join('; ')}); amounts are not converted, so they do not add up or compare`,
        ),
      );
    }
  }
  if (all.size !== 1) return { scheme, warnings };
  const [shown, cells] = [...all][0]!;
  if (shown === scheme.currency) return { scheme, warnings };
  if (!setByUser && scheme.currency === DEFAULT_CURRENCY) {
    warnings.push(
      loc(
        `金额单元格带有 ${shown}（如 ${examples(cells)}），方案未设定币种，本次按 ${shown} 显示金额`,
        `Amount cells show ${shown} (e.g. ${examples(cells)}) and the scheme sets no currency, so amounts are shown in ${shown}`,
      ),
    );
    return { scheme: { ...scheme, currency: shown }, warnings };
  }
  warnings.push(
    loc(
      `方案的币种是 ${scheme.currency}，但金额单元格带有 ${shown}（如 ${examples(cells)}）；金额按数字比较，未做汇率换算`,
      `The scheme's currency is ${scheme.currency} but amount cells show ${shown} (e.g. ${examples(cells)}); amounts are compared as numbers, not converted`,
    ),
  );
  return { scheme, warnings };
}
