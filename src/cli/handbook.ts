// `tierbook handbook`: the tier-management handbook (客户等级管理手册) as Markdown, or as a sheet in a workbook.
import { DEFAULT_PRESET_ID, generatedSheetName, getPreset, handbookMarkdown, handbookSheet, loc, schemeFromSheet, generatedSheetOf, type Lang, type Scheme } from '../core/index.ts';
import { checkInputFile, checkOutputFile, defaultOutputPath, openWorkbookFile, saveWorkbookFile, writeFileAtomic } from '../hosts/file/node-files.ts';
import { RunError } from '../run/errors.ts';
import { loadScheme } from './grade.ts';
import { UsageError } from './usage.ts';

export interface HandbookArgs {
  file?: string;
  scheme?: string;
  lang: Lang;
  out?: string;
  inPlace: boolean;
}

export async function handbookCommand(a: HandbookArgs): Promise<void> {
  if (!a.file) {
    // No workbook: the handbook of a scheme, as Markdown (stdout, or --out file.md).
    if (a.inPlace) throw new UsageError(loc('--in-place 需要一个工作簿：tierbook handbook <文件.xlsx> --in-place', '--in-place needs a workbook: tierbook handbook <file.xlsx> --in-place'));
    if (a.out) checkOutputFile(a.out);
    const scheme = loadScheme(a.scheme ?? DEFAULT_PRESET_ID);
    const md = handbookMarkdown(scheme, a.lang);
    if (a.out) writeFileAtomic(a.out, new TextEncoder().encode(md));
    else process.stdout.write(md.endsWith('\n') ? md : `${md}\n`);
    return;
  }
  if (a.inPlace && a.out) throw new UsageError(loc('--in-place 和 --out 只能选一个', 'use either --in-place or --out, not both'));
  checkInputFile(a.file);
  const output = a.inPlace ? a.file : (a.out ?? handbookOutputPath(a.file));
  // A *.graded.xlsx (ours) takes the handbook sheet itself by default: that is no accidental overwrite.
  const intoItself = a.inPlace || (!a.out && output === a.file);
  if (/\.(csv|tsv|txt)$/i.test(output))
    throw new UsageError(
      loc(`手册是一张工作表，CSV 文件放不下：${output}。请去掉 --in-place（默认输出 .graded.xlsx）或用 --out 文件.xlsx`, `The handbook is a sheet and a CSV file cannot hold it: ${output}. Drop --in-place (the default output is .graded.xlsx) or use --out file.xlsx`),
    );
  checkOutputFile(output, intoItself ? undefined : a.file);
  const book = openWorkbookFile(a.file);
  const sheets = await book.listSheets();
  let scheme: Scheme;
  if (a.scheme) scheme = loadScheme(a.scheme);
  else {
    const rules = sheets.find((s) => generatedSheetOf(s.name) === 'rules');
    if (rules) {
      const v = await book.readSheet(rules.name);
      const read = schemeFromSheet(v.values, v.firstRow, rules.name);
      if (!read.ok) throw new RunError('rules-sheet', { 'zh-CN': read.problems.map((p) => `${p.path}: ${p.message['zh-CN']}`).join('\n'), 'en-US': read.problems.map((p) => `${p.path}: ${p.message['en-US']}`).join('\n') });
      scheme = read.scheme;
    } else scheme = getPreset(DEFAULT_PRESET_ID)!;
  }
  const name = generatedSheetName('handbook', sheets.map((s) => s.name), a.lang).name;
  await book.replaceSheet({ ...handbookSheet(scheme, a.lang), name });
  await saveWorkbookFile(book, output);
  console.log(a.lang === 'zh-CN' ? `已生成"${name}"：${output}` : `Wrote "${name}": ${output}`);
}

/**
 * Where the handbook goes by default: beside the input as *.graded.xlsx — except that a workbook we wrote
 * already (*.graded.xlsx) gets the sheet itself, never a *.graded.graded.xlsx: the handbook only replaces
 * our own sheet 等级管理手册, so nothing the user typed changes.
 */
export function handbookOutputPath(input: string): string {
  return /\.graded\.xlsx$/i.test(input) ? input : defaultOutputPath(input);
}
