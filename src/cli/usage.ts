export const USAGE = `tierbook — grade customers into tiers

  tierbook grade <file.xlsx|file.csv> [--scheme <preset-id|scheme.json>] [--sheet <name>]
                 [--period <label> | --as-of <yyyy-mm-dd>] [--map metric=Header ...]
                 [--lang zh-CN|en-US] [--out <path>] [--in-place] [--json]
  tierbook handbook [<file.xlsx>] [--scheme <preset|scheme.json>] [--lang zh-CN|en-US] [--out <path>] [--in-place]
                 the tier-management handbook: Markdown without a file, else the 等级管理手册 sheet
  tierbook init <file.xlsx> [--lang zh-CN|en-US]  write the template workbook to paste your data into
  tierbook sql --scheme <preset|scheme.json> [--dialect duckdb|postgres|spark|bigquery]
               [--table customers] [--map metric=column ...] [--lang zh-CN|en-US]
                                               the scheme as one SQL query over a customers table
  tierbook presets [--lang zh-CN|en-US]        list the built-in tier schemes
  tierbook demo [--scheme <preset|file.json>] [--lang zh-CN|en-US] [--json]
                                               grade the bundled sample customers

Exit codes: 0 graded (data issues are not failures), 2 usage or configuration error.`;

/** A mistake in how the command was called or configured: exit 2 with a one-line message. */
export class UsageError extends Error {}
