// The help text, in both languages, and the error a wrong call gets.
import { loc, type Lang, type Localized } from '../core/index.ts';

export const USAGE = `tierbook — grade customers into tiers

  tierbook grade <file.xlsx|file.csv> [--scheme <preset-id|scheme.json>] [--sheet <name>]
                 [--period <label> | --as-of <yyyy-mm-dd>] [--map metric=Header ...]
                 [--lang zh-CN|en-US] [--out <path>] [--in-place] [--encoding <name>] [--json]
                 [--actions upgrade=15%,downgrade=10%,churn=50%,drop=30%,rfm=1]
  tierbook handbook [<file.xlsx>] [--scheme <preset|scheme.json>] [--lang zh-CN|en-US] [--out <path>] [--in-place]
                 the tier-management handbook: Markdown without a file, else the 等级管理手册 sheet
  tierbook advise <file.xlsx|file.csv> [--scheme <preset|scheme.json>] [--shares 0.05-0.10,0.15-0.20,...]
                 [--sheet <name>] [--map metric=Header ...] [--lang zh-CN|en-US] [--out <scheme.json>] [--json]
                 proposed thresholds that put each tier inside its expected share (nothing is changed)
  tierbook init <file.xlsx> [--lang zh-CN|en-US]  write the template workbook to paste your data into
  tierbook sql --scheme <preset|scheme.json> [--dialect duckdb|postgres|spark|bigquery]
               [--table customers] [--map metric=column ...] [--lang zh-CN|en-US]
                                               the scheme as one SQL query over a customers table
  tierbook presets [--lang zh-CN|en-US] [--json]  list the built-in tier schemes
  tierbook demo [--scheme <preset|file.json>] [--lang zh-CN|en-US] [--json]
                                               grade the bundled sample customers

Exit codes: 0 graded (data issues are not failures), 2 for every failure (one line on stderr).`;

export const USAGE_ZH = `tierbook — 把客户评定为不同等级

  tierbook grade <文件.xlsx|文件.csv> [--scheme <预设方案|方案.json>] [--sheet <工作表>]
                 [--period <期间> | --as-of <年-月-日>] [--map 指标=列名 ...]
                 [--lang zh-CN|en-US] [--out <输出路径>] [--in-place] [--encoding <编码>] [--json]
                 [--actions upgrade=15%,downgrade=10%,churn=50%,drop=30%,rfm=1]
                 评级：默认写到旁边的 .graded.xlsx；--in-place 写回原文件；--actions 调整行动清单的判定距离
  tierbook handbook [<文件.xlsx>] [--scheme <预设方案|方案.json>] [--lang zh-CN|en-US] [--out <路径>] [--in-place]
                 客户等级管理手册：不给文件时输出 Markdown，给文件时写入"等级管理手册"工作表
  tierbook advise <文件.xlsx|文件.csv> [--scheme <预设方案|方案.json>] [--shares 0.05-0.10,0.15-0.20,...]
                 [--sheet <工作表>] [--map 指标=列名 ...] [--lang zh-CN|en-US] [--out <方案.json>] [--json]
                 建议门槛：让各等级占比落在期望范围内的门槛（不改动文件）
  tierbook init <文件.xlsx> [--lang zh-CN|en-US]   生成模板工作簿，把数据粘贴进去即可
  tierbook sql --scheme <预设方案|方案.json> [--dialect duckdb|postgres|spark|bigquery]
               [--table customers] [--map 指标=列名 ...] [--lang zh-CN|en-US]
                                               把方案写成一条 SQL 查询，在数据仓库中运行
  tierbook presets [--lang zh-CN|en-US] [--json]  列出内置的评级方案
  tierbook demo [--scheme <预设方案|方案.json>] [--lang zh-CN|en-US] [--json]
                                               用自带的示例客户演示评级

退出码：0 表示已评级（数据问题不算失败），2 表示失败（错误信息在标准错误输出中，只有一行）。`;

/** The help text of a language. */
export const usage = (lang: Lang): string => (lang === 'zh-CN' ? USAGE_ZH : USAGE);

/** A mistake in how the command was called or configured: exit 2 with a one-line message in the user's language. */
export class UsageError extends Error {
  readonly text: Localized;
  /** `new UsageError(loc(zh, en))`; a lone string is English only (the messages test flags it). */
  constructor(text: Localized | string) {
    const t = typeof text === 'string' ? loc(text, text) : text;
    super(t['en-US']);
    this.name = 'UsageError';
    this.text = t;
  }
}
