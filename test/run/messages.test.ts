// Messages in the user's language, always (issue 11): every error path a user can reach — the CLI's
// arguments and files, the file host opening what users really have, mapping, schemes, the pane — is
// walked in zh-CN and en-US, and a zh-CN message must not be English (ids, file and sheet names, option
// names aside). A static pass checks every throw site of the error types that carry text.
import { readFileSync, readdirSync, statSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { SchemeError, getPreset, parseScheme, type Lang } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { createWorkbook } from '../../src/hosts/file/xlsx/index.ts';
import { errorText, unexpectedText } from '../../src/run/errors.ts';
import { gradeWorkbook } from '../../src/run/grade-workbook.ts';
import { toPaneError } from '../../src/run/pane-api.ts';
import { messyWorkbook } from '../fixtures/messy-workbook.ts';

const LANGS: Lang[] = ['zh-CN', 'en-US'];
const CJK = /[\u3400-\u9fff]/;

/**
 * English left in a zh-CN message once what is not prose is taken out: paths, quoted names ("…", “…”),
 * option names (--map), ids and codes (b2b-value, annualSpend, utf-8, ENOSPC), file extensions, XML
 * part names. Two English words in a row are prose; so is a message without a single Chinese character.
 */
function englishIn(zh: string, names: readonly string[] = []): string | null {
  let s = zh;
  for (const n of names) s = s.split(n).join(' ');
  s = s
    .replace(/\btierbook(?: (?:grade|handbook|init|sql|presets|demo|help))?:?/g, ' ') // the command itself
    .replace(/"[^"]*"|“[^”]*”|「[^」]*」/g, ' ')
    .replace(/(?:[A-Za-z]:)?[/\\][^\s，。：；（）]*/g, ' ')
    .replace(/--[\w-]+(?:\s*[\w.-]+=[\w<>.-]+)?/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\b[\w.]*\.(xlsx|xls|xlsb|ods|csv|json|xml|md)\b/gi, ' ')
    .replace(/\b[a-z]+[A-Z]\w*\b/g, ' ') // camelCase ids
    .replace(/\b[\w]+[-_][\w-]+\b/g, ' '); // kebab / snake ids: b2b-value, utf-16le, shift_jis
  const prose = /\b[A-Za-z]{2,}\b[ ,.;:'’()-]+\b[A-Za-z]{2,}\b/.exec(s);
  if (prose) return prose[0];
  if (!CJK.test(zh)) return zh;
  return null;
}

describe('the English detector itself', () => {
  it('flags the messages of issue 11 and passes names, options and ids', () => {
    expect(englishIn('出错了：The file is an old-format Excel workbook (.xls). Save it as .xlsx first.')).not.toBeNull();
    expect(englishIn('缺少评级所需的列：no column for required metric(s): cooperationYears。表头中有：')).not.toBeNull();
    expect(englishIn('tierbook: file not found: /tmp/a.xlsx')).not.toBeNull();
    expect(englishIn('找不到工作表"Customer List"，请用 --sheet 指定；方案 b2b-value 需要 annualSpend')).toBeNull();
  });
});

/** The walk's record: every message seen, to be checked in both languages. */
const seen: { where: string; lang: Lang; text: string }[] = [];

async function cli(args: string[], lang: Lang): Promise<string> {
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  const out = vi.spyOn(console, 'log').mockImplementation(() => {});
  const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    // A case that is about --lang itself falls back to the environment's language.
    vi.stubEnv('LANG', lang === 'zh-CN' ? 'zh_CN.UTF-8' : 'en_US.UTF-8');
    const status = await main(args.includes('--lang') ? args : [...args, '--lang', lang]);
    const stderr = err.mock.calls.map((c) => c.join(' ')).join('\n');
    expect(status, `${args.join(' ')} → ${stderr}`).toBe(2);
    expect(stderr.split('\n'), stderr).toHaveLength(1);
    return stderr;
  } finally {
    err.mockRestore();
    out.mockRestore();
    write.mockRestore();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function fixtures() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-messages-'));
  const file = (name: string, bytes: Uint8Array | string) => {
    const p = path.join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };
  const ole = new Uint8Array(1024);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const encrypted = ole.slice();
  encrypted.set(Array.from('EncryptionInfo', (c) => [c.charCodeAt(0), 0]).flat(), 512);
  mkdirSync(path.join(dir, 'folder'));
  return {
    dir,
    file,
    xls: file('old.xls.xlsx', ole),
    encrypted: file('locked.xlsx', encrypted),
    random: file('random.xlsx', Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251)),
    ods: file('sheet.xlsx', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<x/>') })),
    docx: file('letter.xlsx', zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w/>') })),
    zip: file('archive.xlsx', zipSync({ 'readme.txt': strToU8('hi') })),
    noHeader: file('notes.xlsx', createWorkbook([{ name: '说明', values: [['这是一张说明表'], ['没有客户数据']] }])),
    noSpend: file('names.xlsx', createWorkbook([{ name: '客户', values: [['客户编号', '客户名称', '地区'], ['K1', '甲', '华东'], ['K2', '乙', '华北']] }])),
    ordersOnly: file(
      'orders.xlsx',
      createWorkbook([{ name: '订单记录', values: [['订单号', '客户编号', '日期', '金额'], ['D1', 'K1', '2025-03-01', 1200], ['D2', 'K2', '2025-04-02', 800]] }]),
    ),
    latin1: file('latin.csv', Uint8Array.from([...'Kunde,Umsatz\r\nM'].map((c) => c.charCodeAt(0)).concat([0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x2c, 0x31, 0x0d, 0x0a]))),
    nul: file('nul.csv', Uint8Array.from([0x61, 0x00, 0x00, 0x62, 0x2c, 0x63])),
    badJson: file('bad.json', '{ "id": '),
    badScheme: file('scheme.json', JSON.stringify({ ...JSON.parse(JSON.stringify(getPreset('salon-spend'))), tiers: [] })),
  };
}

describe('every CLI error path, in both languages', () => {
  it('says each failure in one line in the language asked for', async () => {
    const f = fixtures();
    const good = f.file('book.xlsx', await messyWorkbook());
    const cases: [string, string[]][] = [
      ['no file', ['grade']],
      ['unknown command', ['frobnicate']],
      ['unknown option', ['grade', good, '--frob']],
      ['option without value', ['grade', good, '--out']],
      ['bad --lang', ['presets', '--lang', 'fr-FR']],
      ['missing file', ['grade', path.join(f.dir, 'missing.xlsx')]],
      ['folder as input', ['grade', path.join(f.dir, 'folder')]],
      ['--out into a missing folder', ['grade', good, '--out', path.join(f.dir, 'nope', 'x.xlsx')]],
      ['--out onto a folder', ['grade', good, '--out', path.join(f.dir, 'folder')]],
      ['--out naming the input', ['grade', good, '--out', good]],
      ['--in-place and --out', ['grade', good, '--in-place', '--out', path.join(f.dir, 'x.xlsx')]],
      ['bad period', ['grade', good, '--period', '2025H3']],
      ['unknown scheme', ['grade', good, '--scheme', 'nope']],
      ['scheme file not found', ['grade', good, '--scheme', path.join(f.dir, 'none.json')]],
      ['scheme file not JSON', ['grade', good, '--scheme', f.badJson]],
      ['scheme file invalid', ['grade', good, '--scheme', f.badScheme]],
      ['bad --map', ['grade', good, '--map', 'annualSpend']],
      ['sheet not found', ['grade', good, '--sheet', 'Nope']],
      ['scheme needs columns the sheet lacks', ['grade', good, '--scheme', 'rfm-5']],
      ['no spend column', ['grade', f.noSpend]],
      ['orders export with a scheme needing cooperation years', ['grade', f.ordersOnly]],
      ['no header anywhere', ['grade', f.noHeader]],
      ['.xls', ['grade', f.xls]],
      ['encrypted', ['grade', f.encrypted]],
      ['random bytes', ['grade', f.random]],
      ['.ods', ['grade', f.ods]],
      ['.docx', ['grade', f.docx]],
      ['a zip, not a workbook', ['grade', f.zip]],
      ['truncated workbook', ['grade', f.file('cut.xlsx', (await messyWorkbook()).subarray(0, 3000))]],
      ['CSV of unclear encoding', ['grade', f.latin1]],
      ['CSV with NUL bytes', ['grade', f.nul]],
      ['unknown --encoding', ['grade', f.latin1, '--encoding', 'klingon']],
      ['--encoding that does not decode', ['grade', f.latin1, '--encoding', 'utf-8']],
      ['sql without scheme', ['sql']],
      ['sql bad dialect', ['sql', '--scheme', 'rfm-5', '--dialect', 'oracle']],
      ['sql empty table', ['sql', '--scheme', 'rfm-5', '--table', ' ']],
      ['init without name', ['init']],
      ['init not .xlsx', ['init', path.join(f.dir, 'x.csv')]],
      ['init onto an existing file', ['init', good]],
      ['handbook --in-place without a workbook', ['handbook', '--in-place']],
      ['handbook of a folder', ['handbook', path.join(f.dir, 'folder')]],
      ['handbook into a CSV', ['handbook', f.latin1, '--in-place']],
    ];
    for (const [where, args] of cases) {
      const texts: string[] = [];
      for (const lang of LANGS) {
        const line = await cli(args, lang);
        expect(line, where).toMatch(/^tierbook: /);
        seen.push({ where: `CLI: ${where}`, lang, text: line });
        texts.push(line);
      }
      expect(texts[0], `${where}: the two languages say different things`).not.toBe(texts[1]);
    }
    const bad = seen.filter((m) => m.lang === 'zh-CN').map((m) => ({ ...m, english: englishIn(m.text, [f.dir, good]) })).filter((m) => m.english);
    expect(bad.map((m) => `${m.where}: ${m.text}  ← "${m.english}"`)).toEqual([]);
  }, 120_000);

  it('an orders export that cannot carry the scheme says which schemes fit it (rfm-5, abc-revenue), and lists real headers', async () => {
    const f = fixtures();
    const orders = await cli(['grade', f.ordersOnly], 'zh-CN');
    expect(orders).toMatch(/合作年限/);
    expect(orders).toMatch(/rfm-5/);
    expect(orders).toMatch(/abc-revenue/);
    const names = await cli(['grade', f.noSpend], 'zh-CN');
    expect(names).toMatch(/表头中有：客户编号、客户名称、地区/);
  });
});

describe('help', () => {
  it('is in the language asked for', async () => {
    for (const [lang, want] of [
      ['zh-CN', /把客户评定为不同等级[\s\S]*退出码/],
      ['en-US', /grade customers into tiers[\s\S]*Exit codes/],
    ] as const) {
      const out = vi.spyOn(console, 'log').mockImplementation(() => {});
      expect(await main(['help', '--lang', lang])).toBe(0);
      expect(out.mock.calls.flat().join('\n')).toMatch(want);
      out.mockRestore();
    }
  });
});

describe('the file host, the run and the pane, in both languages', () => {
  it('opening what users really have: every failure carries both languages', async () => {
    const f = fixtures();
    for (const p of [f.xls, f.encrypted, f.random, f.ods, f.docx, f.zip, f.latin1, f.nul]) {
      let error: unknown;
      try {
        FileWorkbook.open(new Uint8Array(readFileSync(p)), p);
      } catch (e) {
        error = e;
      }
      const text = errorText(error);
      expect(text, p).not.toBeNull();
      expect(englishIn(text!['zh-CN'], [p]), text!['zh-CN']).toBeNull();
      expect(CJK.test(text!['en-US']), text!['en-US']).toBe(false);
      // The pane shows the same text, never "出错了：<English>".
      expect(toPaneError(error).text).toEqual(text);
    }
  });

  it('mapping and scheme errors of a run', async () => {
    const f = fixtures();
    const runs: [string, () => Promise<unknown>][] = [
      ['no header', async () => gradeWorkbook(FileWorkbook.open(readFileSync(f.noHeader), 'a.xlsx'), { lang: 'zh-CN' })],
      ['missing columns', async () => gradeWorkbook(FileWorkbook.open(readFileSync(f.noSpend), 'a.xlsx'), { lang: 'zh-CN' })],
      ['sheet not found', async () => gradeWorkbook(FileWorkbook.open(await messyWorkbook(), 'a.xlsx'), { lang: 'zh-CN', sheet: 'Nope' })],
      ['scheme', async () => parseScheme({ id: 'x', tiers: [] })],
    ];
    for (const [where, go] of runs) {
      let error: unknown;
      try {
        await go();
      } catch (e) {
        error = e;
      }
      const text = errorText(error);
      expect(text, where).not.toBeNull();
      if (where === 'scheme') expect(error).toBeInstanceOf(SchemeError);
      expect(englishIn(text!['zh-CN'], ['Nope']), `${where}: ${text!['zh-CN']}`).toBeNull();
    }
  });

  it('even an unexpected error is said in the user\'s language', () => {
    const text = unexpectedText(new Error('boom'));
    expect(text['zh-CN']).toMatch(/^出错了/);
    expect(errorText(new Error('boom'))).toBeNull();
  });
});

describe('every throw site of a text-carrying error gives both languages (static)', () => {
  /** `new X(` calls of the error types users read, with the text of the call up to its closing parenthesis. */
  function throwSites(): { file: string; line: number; call: string }[] {
    const out: { file: string; line: number; call: string }[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.tsx?$/.test(name)) {
          const src = readFileSync(p, 'utf8');
          const re = /new (XlsxError|UsageError|RunError|FileError|CsvError|SqlError)\(/g;
          for (let m = re.exec(src); m; m = re.exec(src)) {
            const lineStart = src.lastIndexOf('\n', m.index) + 1;
            if (/^\s*(\*|\/\/|\/\*)/.test(src.slice(lineStart, m.index))) continue; // a comment
            let depth = 0;
            let end = m.index + m[0].length - 1;
            for (; end < src.length; end++) {
              const c = src[end];
              if (c === '(') depth++;
              else if (c === ')' && --depth === 0) break;
            }
            out.push({ file: path.relative(process.cwd(), p), line: src.slice(0, m.index).split('\n').length, call: src.slice(m.index, end + 1) });
          }
        }
      }
    };
    walk(path.resolve(import.meta.dirname, '../../src'));
    return out;
  }

  it('no plain Error with English text in the layers a user meets (hosts, run, CLI, pane)', () => {
    const plain: string[] = [];
    for (const layer of ['hosts', 'run', 'cli', 'taskpane']) {
      const walk = (dir: string) => {
        for (const name of readdirSync(dir)) {
          const p = path.join(dir, name);
          if (statSync(p).isDirectory()) walk(p);
          else if (/\.tsx?$/.test(name))
            readFileSync(p, 'utf8')
              .split('\n')
              .forEach((line, i) => {
                if (/new (Error|TypeError|RangeError)\(/.test(line) && !/^\s*(\*|\/\/)/.test(line)) plain.push(`${path.relative(process.cwd(), p)}:${i + 1} ${line.trim()}`);
              });
        }
      };
      walk(path.resolve(import.meta.dirname, '../../src', layer));
    }
    expect(plain).toEqual([]);
  });

  it('has Chinese in every call (or passes on a text made elsewhere)', () => {
    const sites = throwSites();
    expect(sites.length).toBeGreaterThan(80);
    const english = sites.filter((s) => !CJK.test(s.call) && !/\b(text|e\.text|loc\(|say\(|\w+Text\(|describe\()|'zh-CN'/.test(s.call));
    expect(english.map((s) => `${s.file}:${s.line} ${s.call.slice(0, 120)}`)).toEqual([]);
  });
});
