// keepValues (the page's worker): a sheet is parsed once and its values handed out again until that sheet
// is written. What each read returns must be what a fresh parse would give.
import { describe, expect, it, vi } from "vitest";
import {
  XlsxWorkbook,
  createWorkbook,
} from "../../../../src/hosts/file/xlsx/index.ts";
import { OpcPackage } from "../../../../src/hosts/file/xlsx/package.ts";
import { excelStyleWorkbook } from "./fixtures.ts";

const twoSheets = () =>
  createWorkbook([
    {
      name: "Customers",
      values: [
        ["id", "spend"],
        ["A1", 100],
        ["A2", 200],
      ],
    },
    {
      name: "Orders",
      values: [
        ["id", "amount"],
        ["A1", 5],
      ],
    },
  ]);

const text = OpcPackage.prototype.text;

/** How often a sheet's XML is fetched to be parsed (every read or size scan starts there). */
function countingParses() {
  const seen: string[] = [];
  const spy = vi
    .spyOn(OpcPackage.prototype, "text")
    .mockImplementation(function (this: OpcPackage, path: string) {
      if (path.includes("worksheets/")) seen.push(path);
      return text.call(this, path);
    });
  return { seen, restore: () => spy.mockRestore() };
}

/** The worksheet parts fetched to be parsed while `f` runs. */
function parsesDuring(f: () => void): string[] {
  const count = countingParses();
  try {
    f();
  } finally {
    count.restore();
  }
  return count.seen;
}

describe("an open workbook that keeps the values it has read", () => {
  it("reads the same values as a fresh parse, however often and in whatever order", () => {
    const kept = XlsxWorkbook.open(excelStyleWorkbook(), { keepValues: true });
    const fresh = XlsxWorkbook.open(excelStyleWorkbook());
    for (const s of kept.listSheets()) {
      const want = fresh.readSheet(s.name).values;
      expect(kept.readSheet(s.name).values).toEqual(want);
      expect(kept.readSheet(s.name).values).toEqual(want);
    }
  });

  it("hands out copies: changing what one read returned does not change the next read", () => {
    const wb = XlsxWorkbook.open(twoSheets(), { keepValues: true });
    const first = wb.readSheet("Customers").values;
    first[1]![1] = "changed";
    first.push(["extra"]);
    expect(wb.readSheet("Customers").values).toEqual([
      ["id", "spend"],
      ["A1", 100],
      ["A2", 200],
    ]);
  });

  it("reads a sheet again after it is written, and keeps the sheets that were not", () => {
    const wb = XlsxWorkbook.open(twoSheets(), { keepValues: true });
    expect(wb.readSheet("Customers").values[0]).toEqual(["id", "spend"]);
    expect(wb.readSheet("Orders").values).toEqual([
      ["id", "amount"],
      ["A1", 5],
    ]);
    wb.writeColumns({
      sheet: "Customers",
      headerRow: 1,
      firstRow: 2,
      columns: [{ col: 2, header: "Tier", values: ["Gold", "Silver"] }],
    });
    expect(wb.readSheet("Customers").values).toEqual([
      ["id", "spend", "Tier"],
      ["A1", 100, "Gold"],
      ["A2", 200, "Silver"],
    ]);
    wb.appendRows("Orders", [], [["A2", 7]]);
    expect(wb.readSheet("Orders").values).toEqual([
      ["id", "amount"],
      ["A1", 5],
      ["A2", 7],
    ]);
    wb.replaceSheet({
      name: "Customers",
      tables: [{ header: ["only"], rows: [["one"]] }],
    });
    expect(wb.readSheet("Customers").values).toEqual([["only"], ["one"]]);
  });
});

describe("output columns written into a kept sheet (Apply in the page)", () => {
  const fresh = (wb: XlsxWorkbook, sheet: string) =>
    XlsxWorkbook.open(wb.save()).readSheet(sheet).values;
  const freshSize = (wb: XlsxWorkbook) =>
    XlsxWorkbook.open(wb.save()).listSheets();

  it("re-reads no sheet it wrote: the size and values follow the patch, equal to a fresh parse", () => {
    const wb = XlsxWorkbook.open(twoSheets(), { keepValues: true });
    wb.listSheets();
    wb.readSheet("Customers");
    // Tier columns, and reason columns left empty (header only), as Apply writes them.
    wb.writeColumns({
      sheet: "Customers",
      headerRow: 1,
      firstRow: 2,
      columns: [
        { col: 2, header: "Tier", values: ["Gold", "Silver"] },
        { col: 3, header: "Score", values: [1.5, 0] },
        { col: 4, header: "Why", values: [null, null] },
      ],
    });
    const count = countingParses();
    try {
      expect(wb.listSheets()[0]).toMatchObject({
        name: "Customers",
        lastRow: 3,
        lastCol: 4,
      });
      expect(wb.readSheet("Customers").values).toEqual([
        ["id", "spend", "Tier", "Score", "Why"],
        ["A1", 100, "Gold", 1.5, null],
        ["A2", 200, "Silver", 0, null],
      ]);
      expect(count.seen).toEqual([]);
    } finally {
      count.restore();
    }
    expect(wb.readSheet("Customers").values).toEqual(fresh(wb, "Customers"));
    expect(wb.listSheets()).toEqual(freshSize(wb));
  });

  it("values that would not read back as written, and cleared edges, are parsed again: still what a fresh parse gives", () => {
    const odd = [
      "",
      " lead",
      "trail ",
      "a_x0041_b",
      "tab\there",
      "=SUM(A1)",
      "<b>&",
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      true,
      false,
    ];
    const wb = XlsxWorkbook.open(twoSheets(), { keepValues: true });
    wb.readSheet("Customers");
    wb.listSheets();
    wb.writeColumns({
      sheet: "Customers",
      headerRow: 1,
      firstRow: 2,
      columns: [{ col: 2, header: "Odd", values: odd }],
    });
    expect(wb.readSheet("Customers").values).toEqual(fresh(wb, "Customers"));
    expect(wb.listSheets()).toEqual(freshSize(wb));
    // Clearing the last rows and column the sheet had.
    wb.writeColumns({
      sheet: "Customers",
      headerRow: 1,
      firstRow: 2,
      columns: [{ col: 2, header: "Odd", values: odd.map(() => null) }],
    });
    expect(wb.readSheet("Customers").values).toEqual(fresh(wb, "Customers"));
    expect(wb.listSheets()).toEqual(freshSize(wb));
    wb.writeColumns({
      sheet: "Customers",
      headerRow: 1,
      firstRow: 3,
      columns: [
        { col: 1, header: "spend", values: [null] },
        { col: 0, header: "id", values: [null] },
      ],
    });
    expect(wb.readSheet("Customers").values).toEqual(fresh(wb, "Customers"));
    expect(wb.listSheets()).toEqual(freshSize(wb));
  });
});

describe("rows appended to a kept history sheet (Summaries in the page)", () => {
  const fresh = (wb: XlsxWorkbook) => {
    const again = XlsxWorkbook.open(wb.save());
    return { sheets: again.listSheets(), history: again.readSheet("Tier History").values };
  };
  const header = ["Period", "id", "Tier", "Score"];

  it("does not re-read the history sheet: its size and values follow the append, equal to a fresh parse", () => {
    const wb = XlsxWorkbook.open(twoSheets(), { keepValues: true });
    wb.listSheets();
    // First review: the sheet is created with its header.
    wb.appendRows("Tier History", header, [["2025H1", "A1", "Gold", 3], ["2025H1", "A2", "Silver", 1.5]], { col: 0, key: "2025H1" }, "history");
    let read: { sheets: unknown; history: unknown } = { sheets: null, history: null };
    expect(parsesDuring(() => (read = { sheets: wb.listSheets(), history: wb.readSheet("Tier History").values }))).toEqual([]);
    expect(read).toEqual(fresh(wb));
    // The next period is added below; re-running a period replaces its rows (the rows below move up).
    wb.appendRows("Tier History", header, [["2025H2", "A1", "Gold", 2], ["2025H2", "A2", null, true]], { col: 0, key: "2025H2" }, "history");
    wb.appendRows("Tier History", header, [["2025H1", "A1", "Bronze", 0]], { col: 0, key: "2025H1" }, "history");
    expect(parsesDuring(() => (read = { sheets: wb.listSheets(), history: wb.readSheet("Tier History").values }))).toEqual([]);
    expect(read).toEqual(fresh(wb));
    expect(wb.readSheet("Tier History").values).toEqual([
      header,
      ["2025H2", "A1", "Gold", 2],
      ["2025H2", "A2", null, true],
      ["2025H1", "A1", "Bronze", 0],
    ]);
  });

  it("values that would not read back as written, or a history it cannot see whole, are parsed again: still what a fresh parse gives", () => {
    const wb = XlsxWorkbook.open(twoSheets(), { keepValues: true });
    wb.appendRows("Tier History", header, [["2025H1", " lead", "a_x0041_b", -0]], { col: 0, key: "2025H1" }, "history");
    wb.listSheets();
    expect(wb.readSheet("Tier History").values).toEqual(fresh(wb).history);
    wb.appendRows("Tier History", header, [["2025H2", "=SUM(A1)", "", Number.NaN], [null, null, null, null]], { col: 0, key: "2025H2" }, "history");
    expect(wb.readSheet("Tier History").values).toEqual(fresh(wb).history);
    expect(wb.listSheets()).toEqual(fresh(wb).sheets);
    // Dropping the widest row narrows the sheet.
    wb.appendRows("Tier History", [], [["2025H3", "wide", null, null, null, "x"]]);
    wb.listSheets();
    wb.readSheet("Tier History");
    wb.appendRows("Tier History", [], [["2025H4"]], { col: 0, key: "2025H3" });
    expect(wb.readSheet("Tier History").values).toEqual(fresh(wb).history);
    expect(wb.listSheets()).toEqual(fresh(wb).sheets);
  });
});
