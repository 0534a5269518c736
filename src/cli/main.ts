// `tierbook`: the command line. A thin shell: parse arguments, call the run over the file host (or the core), print.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_PRESET_ID, gradeRecords, listPresets, loc, normalizeLang, type CustomerRecord, type Lang, type Localized } from '../core/index.ts';
import { errorText, unexpectedText } from '../run/errors.ts';
import { commandLineWords } from './advice-words.ts';
import { adviseCommand } from './advise.ts';
import { gradeCommand, loadScheme } from './grade.ts';
import { handbookCommand } from './handbook.ts';
import { initCommand } from './init.ts';
import { sqlCommand } from './sql.ts';
import { UsageError, usage } from './usage.ts';

function presets(lang: Lang, json: boolean): void {
  if (json) {
    const list = listPresets().map((s) => ({ id: s.id, name: s.name[lang], description: s.description?.[lang] ?? null, tiers: s.tiers.map((t) => ({ id: t.id, label: t.label[lang] })) }));
    console.log(JSON.stringify(list, null, 2));
    return;
  }
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
      ? '\n这是命令行演示。为自己的工作簿评级：tierbook grade <文件.xlsx|文件.csv>；任务窗格：npm start。'
      : '\nThis is the command-line demo. To grade your own workbook: tierbook grade <file.xlsx|file.csv>; the task pane: npm start.',
  );
}

/** One line for stderr: configuration errors may list several problems. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' | ');
}

/** node:util parseArgs errors (English, with a stack) said as a usage mistake in both languages. */
function argumentError(e: TypeError & { code?: string }): Localized {
  const option = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1] ?? '';
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return loc(`没有 ${option} 这个选项`, `unknown option ${option}`);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(e.message)
        ? loc(`${option} 后面需要一个值`, `${option} needs a value`)
        : loc(`${option} 不接受值`, `${option} takes no value`);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return loc(`多余的参数：${/'([^']*)'/.exec(e.message)?.[1] ?? ''}`, `unexpected argument: ${/'([^']*)'/.exec(e.message)?.[1] ?? ''}`);
    default:
      return loc(`参数有误：${e.message}`, `bad arguments: ${e.message}`);
  }
}

/** A reader that stops early (`tierbook presets | head -c1`) is not a failure: stop quietly. */
let pipeWatched = false;
function quietOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  // --lang read before the options are parsed, so even a mistake in them is said in the user's language.
  const langAt = rest.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const langArg = langAt < 0 ? undefined : rest[langAt]!.includes('=') ? rest[langAt]!.slice(7) : rest[langAt + 1];
  let lang: Lang = normalizeLang(langArg && /^(zh|en)/i.test(langArg) ? langArg : process.env.LANG);
  quietOnClosedPipe();
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
        encoding: { type: 'string' },
        actions: { type: 'string' },
        dialect: { type: 'string' },
        table: { type: 'string' },
        shares: { type: 'string' },
      },
      allowPositionals: true,
    });
    if (values.lang !== undefined && !/^(zh|en)/i.test(values.lang))
      throw new UsageError(loc(`--lang 应为 zh-CN 或 en-US，收到"${values.lang}"`, `--lang must be zh-CN or en-US, got "${values.lang}"`));
    lang = normalizeLang(values.lang ?? process.env.LANG);
    switch (command) {
      case 'grade': {
        const file = positionals[0];
        if (!file) throw new UsageError(loc('grade 需要一个文件：tierbook grade <文件.xlsx|文件.csv>', 'grade needs a file: tierbook grade <file.xlsx|file.csv>'));
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
          ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
          ...(values.actions !== undefined ? { actions: values.actions } : {}),
          json: values.json ?? false,
        });
        return 0;
      }
      case 'advise': {
        const file = positionals[0];
        if (!file) throw new UsageError(loc('advise 需要一个文件：tierbook advise <文件.xlsx|文件.csv>', 'advise needs a file: tierbook advise <file.xlsx|file.csv>'));
        await adviseCommand({
          file,
          ...(values.scheme ? { scheme: values.scheme } : {}),
          ...(values.sheet ? { sheet: values.sheet } : {}),
          ...(values.shares !== undefined ? { shares: values.shares } : {}),
          map: values.map ?? [],
          lang,
          ...(values.out ? { out: values.out } : {}),
          ...(values.encoding !== undefined ? { encoding: values.encoding } : {}),
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
        presets(lang, values.json ?? false);
        return 0;
      case 'demo':
        demo(values.scheme ?? DEFAULT_PRESET_ID, lang, values.json ?? false);
        return 0;
      case undefined:
      case 'help':
      case '--help':
        console.log(usage(lang));
        return 0;
      default:
        throw new UsageError(loc(`没有"${command}"这个命令`, `unknown command "${command}"`));
    }
  } catch (e) {
    // Every failure is one line in the user's language, exit 2 (TIERBOOK_DEBUG=1 adds the stack of a bug).
    const usage = e instanceof UsageError || (e instanceof TypeError && 'code' in e && String(e.code).startsWith('ERR_PARSE_ARGS'));
    const text = e instanceof TypeError && usage ? argumentError(e as TypeError & { code?: string }) : errorText(e, commandLineWords);
    const hint = usage ? loc('（用法见 tierbook help）', ' (see tierbook help)')[lang] : '';
    console.error(`tierbook: ${oneLine((text ?? unexpectedText(e))[lang])}${hint}`);
    if (!text && process.env.TIERBOOK_DEBUG) console.error(e);
    return 2;
  }
}
