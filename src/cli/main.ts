// `tierbook`: the command line. A thin shell: parse arguments, call the core (and, later, the file host), print.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SchemeError, SqlError, gradeRecords, listPresets, normalizeLang, type CustomerRecord, type Lang } from '../core/index.ts';
import { RunError } from '../run/errors.ts';
import { gradeCommand, loadScheme } from './grade.ts';
import { handbookCommand } from './handbook.ts';
import { initCommand } from './init.ts';
import { sqlCommand } from './sql.ts';
import { USAGE, UsageError } from './usage.ts';

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

/** One line for stderr: configuration errors may list several problems. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' | ');
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let lang: Lang = normalizeLang(process.env.LANG);
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: {
        scheme: { type: 'string' },
        lang: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean' },
        sheet: { type: 'string' },
        period: { type: 'string' },
        'as-of': { type: 'string' },
        map: { type: 'string', multiple: true },
        out: { type: 'string' },
        'in-place': { type: 'boolean' },
        dialect: { type: 'string' },
        table: { type: 'string' },
      },
      allowPositionals: true,
    });
    if (values.lang !== undefined && !/^(zh|en)/i.test(values.lang)) throw new UsageError(`--lang must be zh-CN or en-US, got "${values.lang}"`);
    lang = normalizeLang(values.lang ?? process.env.LANG);
    switch (command) {
      case 'grade': {
        const file = positionals[0];
        if (!file) throw new UsageError('grade needs a file: tierbook grade <file.xlsx|file.csv>');
        await gradeCommand({
          file,
          ...(values.scheme ? { scheme: values.scheme } : {}),
          ...(values.sheet ? { sheet: values.sheet } : {}),
          ...(values.period ? { period: values.period } : {}),
          ...(values['as-of'] ? { asOf: values['as-of'] } : {}),
          map: values.map ?? [],
          lang,
          ...(values.out ? { out: values.out } : {}),
          inPlace: values['in-place'] ?? false,
          json: values.json ?? false,
        });
        return 0;
      }
      case 'init':
        await initCommand(positionals[0] ?? '', lang);
        return 0;
      case 'handbook':
        await handbookCommand({
          ...(positionals[0] ? { file: positionals[0] } : {}),
          ...(values.scheme ? { scheme: values.scheme } : {}),
          lang,
          ...(values.out ? { out: values.out } : {}),
          inPlace: values['in-place'] ?? false,
        });
        return 0;
      case 'sql':
        sqlCommand({
          ...(values.scheme ? { scheme: values.scheme } : {}),
          ...(values.dialect !== undefined ? { dialect: values.dialect } : {}),
          ...(values.table !== undefined ? { table: values.table } : {}),
          map: values.map ?? [],
          lang,
        });
        return 0;
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
    if (e instanceof SchemeError) console.error(`tierbook: ${oneLine(e.describe(lang))}`);
    else if (e instanceof RunError || e instanceof SqlError) console.error(`tierbook: ${oneLine(e.text[lang])}`);
    else if (e instanceof UsageError || (e instanceof TypeError && 'code' in e)) console.error(`tierbook: ${e.message}${lang === 'zh-CN' ? '（用法见 tierbook help）' : ' (see tierbook help)'}`);
    else if (e instanceof Error && e.name === 'XlsxError') console.error(`tierbook: ${oneLine(e.message)}`);
    else throw e;
    return 2;
  }
}
