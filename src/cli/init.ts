// `tierbook init <file.xlsx>`: start from the template workbook — instructions, the customer, orders,
// interactions and satisfaction tables with dropdowns and formats, and the default tier rules — in the
// user's language. The templates are committed under assets/template (built by `npm run build:template`).
import { readFileSync } from 'node:fs';
import { loc, type Lang } from '../core/index.ts';
import { checkOutputFile, writeFileAtomic } from '../hosts/file/node-files.ts';
import { UsageError } from './usage.ts';

/** The committed template of each language, under assets/template. */
export const TEMPLATE_FILES: Record<Lang, string> = {
  'zh-CN': 'TierBook-模板.xlsx',
  'en-US': 'TierBook-template.xlsx',
};

/** Where the template of a language lives (next to the sources, whatever the working directory). */
export function templateUrl(lang: Lang): URL {
  return new URL(`../../assets/template/${TEMPLATE_FILES[lang]}`, import.meta.url);
}

/** The template workbook's bytes. */
export function templateBytes(lang: Lang): Uint8Array {
  return new Uint8Array(readFileSync(templateUrl(lang)));
}

/** Write the template for `lang` to `file`. Never overwrites: an existing file is a FileError. */
export async function initCommand(file: string, lang: Lang): Promise<void> {
  const zh = lang === 'zh-CN';
  if (!file.trim()) throw new UsageError(loc('init 需要文件名：tierbook init <文件.xlsx>', 'init needs a file: tierbook init <file.xlsx>'));
  if (!/\.xlsx$/i.test(file)) {
    throw new UsageError(loc(`模板是 .xlsx 工作簿，请用 .xlsx 结尾的文件名（而不是"${file}"）`, `the template is an .xlsx workbook: give a file name ending in .xlsx (not "${file}")`));
  }
  checkOutputFile(file);
  // Create only, atomically: an existing file is never overwritten, a kill leaves no half-written template.
  writeFileAtomic(file, templateBytes(lang), { create: true });
  console.log(
    zh
      ? `已创建 ${file}：先看"使用说明"表，把客户粘贴到"客户信息"、订单粘贴到"订单记录"，然后运行 tierbook grade ${file}`
      : `Created ${file}: read the Instructions sheet, paste customers into Customers and orders into Orders, then run tierbook grade ${file}`,
  );
}
