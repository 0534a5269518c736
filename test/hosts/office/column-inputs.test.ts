// The output columns read column by column plan the same blocks and build the same grids as the row-by-row
// reader (planBlocks / blockGrid over columnsSource).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { CellValue } from "../../../src/port/workbook.ts";
import {
  DEFAULT_LIMITS,
  blockGrid,
  columnsSource,
  planBlocks,
} from "../../../src/hosts/office/batch.ts";
import {
  columnsGrid,
  planColumnBlocks,
} from "../../../src/hosts/office/column-inputs.ts";

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom<CellValue>(
    null,
    "",
    "=SUM(A1)",
    "TRUE",
    "12%",
    "金卡会员",
    "Gold",
    "年度消费金额 ¥1,250,000 ≥ ¥1,000,000",
    'a"b\\c\n',
    "😀x",
    NaN,
    Infinity,
    -0,
    true,
    false,
  ),
  fc.string({ maxLength: 60 }),
  fc.double(),
  fc.integer(),
);

const limitsCases = [
  DEFAULT_LIMITS,
  { ...DEFAULT_LIMITS, targetBytes: 2_000 },
  { ...DEFAULT_LIMITS, maxRows: 37 },
  { ...DEFAULT_LIMITS, maxCells: 90, targetBytes: 5_000 },
];

describe("column inputs", () => {
  it("plan the row reader’s blocks and build its grids (ragged columns too)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 3_000, size: "max" }), {
          minLength: 1,
          maxLength: 5,
        }),
        async (columns) => {
          const count = columns.reduce((h, c) => Math.max(h, c.length), 0);
          const source = columnsSource(columns, count);
          for (const limits of limitsCases) {
            const blocks = await planColumnBlocks(
              columns,
              count,
              limits,
              () => null,
            );
            expect(blocks).toEqual(planBlocks(source, limits));
            for (const b of blocks)
              expect(columnsGrid(columns, b)).toEqual(blockGrid(source, b));
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("plan the same blocks over tens of thousands of varied rows", async () => {
    const pool: CellValue[] = [
      null,
      "",
      "=SUM(A1)",
      "金卡会员",
      "Gold",
      "年度消费金额 ¥1,250,000 ≥ ¥1,000,000",
      12.5,
      1_048_575,
      -3,
      true,
      "12%",
      NaN,
    ];
    const columns = [23_457, 23_457, 20_000, 23_000].map((n, k) =>
      Array.from(
        { length: n },
        (_, r) => pool[(r * (k + 3) + (r >> 4)) % pool.length]!,
      ),
    );
    const source = columnsSource(columns, 23_457);
    for (const limits of limitsCases) {
      const blocks = await planColumnBlocks(
        columns,
        23_457,
        limits,
        () => null,
      );
      expect(blocks).toEqual(planBlocks(source, limits));
      expect(blocks.length).toBeGreaterThan(1);
      for (const b of blocks.slice(0, 3))
        expect(columnsGrid(columns, b)).toEqual(blockGrid(source, b));
    }
  });

  it("gives the thread back while it plans a long column", async () => {
    const column = Array.from({ length: 50_000 }, (_, i) => `客户 ${i}`);
    let asked = 0;
    const blocks = await planColumnBlocks(
      [column],
      column.length,
      DEFAULT_LIMITS,
      () => (asked++, null),
    );
    expect(blocks).toEqual(
      planBlocks(columnsSource([column], column.length), DEFAULT_LIMITS),
    );
    expect(asked).toBeGreaterThan(10);
  });
});
