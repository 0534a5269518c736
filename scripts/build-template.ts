// npm run build:template — (re)writes the committed template workbooks:
//   assets/template/TierBook-模板.xlsx      (zh-CN)
//   assets/template/TierBook-template.xlsx  (en-US)
// They are outputs of this script (scripts/template.ts): never edit them by hand, change the script and re-run.
// The build is deterministic (same inputs → same bytes); test/template checks the committed files match a fresh build.
//
// Options (after `--`: npm run build:template -- --examples 0):
//   --examples N   example customers on the data sheets (default 20; 0 = headers only)
//   --lang L       zh-CN, en-US or both (default both)
//   --out DIR      output folder (default assets/template)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '../src/core/index.ts';
import { TEMPLATE_FILES } from '../src/cli/init.ts';
import { DEFAULT_EXAMPLES, buildTemplate } from './template.ts';

const { values } = parseArgs({
  options: { examples: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' } },
});
const examples = values.examples === undefined ? DEFAULT_EXAMPLES : Number(values.examples);
const langs: readonly Lang[] = values.lang === undefined || values.lang === 'both' ? LANGS : LANGS.filter((l) => l.toLowerCase() === values.lang!.toLowerCase());
if (langs.length === 0) throw new Error(`--lang must be zh-CN, en-US or both, got "${values.lang}"`);
const outDir = values.out ?? fileURLToPath(new URL('../assets/template/', import.meta.url));

mkdirSync(outDir, { recursive: true });
for (const lang of langs) {
  const bytes = await buildTemplate(lang, { examples });
  const file = path.join(outDir, TEMPLATE_FILES[lang]);
  writeFileSync(file, bytes);
  console.log(`${path.relative(process.cwd(), file)}  ${bytes.length.toLocaleString('en-US')} bytes`);
}
