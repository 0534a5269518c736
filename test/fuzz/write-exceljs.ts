// Producer 1: exceljs writes a BookSpec.
import ExcelJS from 'exceljs';
import type { BookSpec, CellSpec } from './spec.ts';

function cellValue(c: CellSpec): ExcelJS.CellValue {
  switch (c.k) {
    case 's':
    case 'n':
    case 'b':
      return c.v as string | number | boolean;
    case 'e':
      return { error: c.v } as ExcelJS.CellErrorValue;
    case 'd':
      return new Date(`${String(c.v)}T00:00:00Z`);
    case 'rich':
      return { richText: c.rich!.map((r) => ({ text: r.text, font: { ...(r.bold ? { bold: true } : {}), ...(r.color ? { color: { argb: r.color } } : {}) } })) };
    case 'link':
      return { text: String(c.v), hyperlink: c.link! };
    case 'f': {
      if (c.sharedOf) return { sharedFormula: c.sharedOf, ...(c.cached !== undefined ? { result: c.cached } : {}) } as ExcelJS.CellSharedFormulaValue;
      const v: Record<string, unknown> = { formula: c.f! };
      if (c.cached !== undefined) v.result = c.cached;
      if (c.sharedRef) Object.assign(v, { shareType: 'shared', ref: c.sharedRef });
      return v as unknown as ExcelJS.CellFormulaValue;
    }
  }
}

export async function writeExcelJs(spec: BookSpec): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  if (spec.date1904) wb.properties.date1904 = true;
  for (const s of spec.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state });
    for (const c of s.cells) {
      const cell = ws.getCell(c.a);
      cell.value = cellValue(c);
      if (c.numFmt) cell.numFmt = c.numFmt;
      if (c.note) cell.note = c.note;
    }
    for (const m of s.merges) ws.mergeCells(m);
    for (const r of s.hiddenRows) ws.getRow(r).hidden = true;
    for (const col of s.hiddenCols) ws.getColumn(col).hidden = true;
    if (s.table) {
      // exceljs writes the table's cells itself: give it the same values the spec holds.
      const [from, to] = s.table.ref.split(':') as [string, string];
      const first = ws.getCell(from);
      const last = ws.getCell(to);
      const rows: ExcelJS.CellValue[][] = [];
      for (let r = Number(first.row) + 1; r <= Number(last.row); r++) {
        const row: ExcelJS.CellValue[] = [];
        for (let col = Number(first.col); col <= Number(last.col); col++) row.push(ws.getCell(r, col).value);
        rows.push(row);
      }
      ws.addTable({ name: s.table.name, ref: from, headerRow: true, columns: s.table.columns.map((name) => ({ name, filterButton: true })), rows });
    }
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
