// `tierbook`: the command line. A thin shell: parse arguments, call the core (and, later, the file host), print.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  PRESET_IDS,
  SchemeError,
  getPreset,
  gradeRecords,
  listPresets,
  normalizeLang,
  schemeFromJson,
  type CustomerRecord,
  type Lang,
  type Scheme,
} from '../core/index.ts';

const USAGE = `tierbook — grade customers into tiers

  tierbook presets [--lang zh-CN|en-US]        list the built-in tier schemes
  tierbook demo [--scheme <preset|file.json>] [--lang zh-CN|en-US] [--json]
                                               grade the bundled sample customers`;

class UsageError extends Error {}

function loadScheme(ref: string): Scheme {
  const preset = getPreset(ref);
  if (preset) return preset;
  if (/\.json$/i.test(ref)) return schemeFromJson(readFileSync(ref, 'utf8'));
  throw new UsageError(`unknown scheme "${ref}": use a preset (${PRESET_IDS.join(', ')}) or a .json file`);
}

function presets(lang: Lang): void {
  for (const s of listPresets()) {
    console.log(`${s.id.padEnd(14)} ${s.name[lang]}`);
    if (s.description) console.log(`${' '.repeat(15)}${s.description[lang]}`);
  }
}

function demo(schemeRef: string, lang: Lang, json: boolean): void {
  const sample = JSON.parse(readFileSync(new URL('../../assets/sample/customers.json', import.meta.url), 'utf8')) as {
    customers: CustomerRecord[];
  };
  const scheme = loadScheme(schemeRef);
  const grades = gradeRecords(scheme, sample.customers);
  if (json) {
    console.log(JSON.stringify({ scheme: scheme.id, customers: grades }, null, 2));
    return;
  }
  console.log(`${scheme.name[lang]} — ${grades.length} ${lang === 'zh-CN' ? '位客户' : 'customers'}\n`);
  for (const g of grades) {
    const tier = g.tierLabel?.[lang] ?? (lang === 'zh-CN' ? '未评级' : 'unrated');
    console.log(`${g.id}  ${g.name ?? ''}  →  ${tier}${g.score !== null ? `  (${g.score})` : ''}`);
    console.log(`    ${g.reason[lang]}`);
    if (g.gap) console.log(`    ${g.gap.text[lang]}`);
  }
  console.log(
    lang === 'zh-CN'
      ? '\n这是命令行演示：任务窗格（Excel 加载项与浏览器独立模式）尚在开发中。'
      : '\nThis is the command-line demo: the task pane (Excel add-in and standalone browser mode) is still being built.',
  );
}

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  try {
    const { values } = parseArgs({
      args: rest,
      options: { scheme: { type: 'string' }, lang: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
      allowPositionals: true,
    });
    const lang = normalizeLang(values.lang ?? process.env.LANG);
    switch (command) {
      case 'presets':
        presets(lang);
        return 0;
      case 'demo':
        demo(values.scheme ?? 'b2b-value', lang, values.json ?? false);
        return 0;
      case undefined:
      case 'help':
      case '--help':
        console.log(USAGE);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof SchemeError) console.error(`tierbook: invalid scheme\n${e.describe('en-US')}`);
    else if (e instanceof UsageError || (e instanceof TypeError && 'code' in e)) console.error(`tierbook: ${e.message}\n\n${USAGE}`);
    else throw e;
    return 2;
  }
}
