// What the end-to-end tests share: what `npm start` serves and the production build, each over http, Chromium,
// the standalone page in a language, screenshots a person can look at, axe-core in the page, focus indicators, Fluent dropdowns,
// and reading a downloaded workbook back in Node.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Download, Locator, Page } from 'playwright-core';
import type { Lang } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import type { CellValue } from '../../src/port/workbook.ts';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { DIST } from '../../scripts/build.ts';
import { ensureBuilt } from '../support/chromium.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'test-artifacts/e2e');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** The bundled sample of each language, as dist/assets/workbooks.json lists it. */
export interface Bundled {
  file: string;
  lang: Lang;
  kind: 'sample' | 'template';
  title_zh: string;
  title_en: string;
}

/** Which build a stage serves: what `npm start` serves (a development build), or the production build. */
export type BuildKind = 'dev' | 'production';

export interface Stage {
  kind: BuildKind;
  /** The directory served. */
  dist: string;
  /** The page's origin, e.g. http://localhost:41234. */
  url: string;
  browser: Browser;
  /** The bundled sample workbook of `lang`: its entry and its bytes as served. */
  sample(lang: Lang): { entry: Bundled; name: string; bytes: Uint8Array };
  close(): Promise<void>;
}

/**
 * The production build as built for the tests, copied aside: another run (a test file of the build) may rebuild
 * it while these tests still load chunks from it. The copy is retried if a build landed meanwhile.
 */
async function privateDist(): Promise<{ dir: string; remove(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tierbook-e2e-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    for (let attempt = 1; ; attempt++) {
      const built = await ensureBuilt('production');
      const info = () => readFileSync(path.join(built, 'build-info.json'), 'utf8');
      try {
        const before = info();
        rmSync(dir, { recursive: true, force: true });
        cpSync(built, dir, { recursive: true });
        if (info() === before) return { dir, remove };
      } catch (e) {
        if (attempt >= 3) throw e;
      }
      if (attempt >= 3) throw new Error('the production build kept being rebuilt while the e2e tests copied it');
    }
  } catch (e) {
    remove();
    throw e;
  }
}

function stageOf(kind: BuildKind, dist: string, url: string, browser: Browser, stop: () => Promise<void>): Stage {
  const list = JSON.parse(readFileSync(path.join(dist, 'assets/workbooks.json'), 'utf8')) as Bundled[];
  return {
    kind,
    dist,
    url,
    browser,
    sample(lang) {
      const entry = list.find((w) => w.kind === 'sample' && w.lang === lang);
      if (!entry) throw new Error(`${dist}/assets/workbooks.json lists no ${lang} sample`);
      return { entry, name: path.basename(entry.file), bytes: new Uint8Array(readFileSync(path.join(dist, entry.file))) };
    },
    close: stop,
  };
}

/** The production build (local office.js; reused when fresh), a copy of it served on a free port over http. */
export async function stageProduction(browser: Browser): Promise<Stage> {
  const { dir: dist, remove } = await privateDist();
  let server: RunningServer;
  try {
    server = await startServer({ dir: dist, port: 0, https: false });
  } catch (e) {
    remove();
    throw e;
  }
  return stageOf('production', dist, server.url, browser, async () => {
    await server.close();
    remove();
  });
}

/**
 * `npm start` itself, as the README tells a new user to run it: it builds dist/ in development mode when stale
 * (React StrictMode then mounts every component twice) and serves it. `--port 0` lets the OS pick a free port
 * (read back from what it prints); `--http` because https would install a CA into this machine's trust store.
 */
export async function stageNpmStart(browser: Browser): Promise<Stage> {
  const child = spawn('npm', ['start', '--', '--http', '--port', '0'], { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const stop = async () => {
    try {
      process.kill(-child.pid!, 'SIGTERM'); // the group: npm and the node it started
    } catch {
      return; // already gone
    }
    const kill = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }, 10_000);
    await exited;
    clearTimeout(kill);
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start did not serve within 5 minutes:\n${output}`)), 300_000);
      const read = (d: Buffer) => {
        output += d.toString();
        const m = /serving dist\/ at (https?:\/\/\S+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`npm start exited (${code}) before serving:\n${output}`));
      });
    });
    return stageOf('dev', DIST, url, browser, stop);
  } catch (e) {
    await stop();
    throw e;
  }
}

export interface PageOptions {
  width?: number;
  height?: number;
  /** Let the page open its language's sample by itself, as on a first visit (default: no, ?sample=none). */
  autoSample?: boolean;
}

/** A fresh context (own storage, downloads allowed) with the standalone page in `lang`, once it says it is ready. */
export async function openPage(st: Stage, lang: Lang, opts: PageOptions = {}): Promise<{ page: Page; errors: string[]; close(): Promise<void> }> {
  const context = await st.browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    acceptDownloads: true,
    locale: lang,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(`${st.url}/taskpane.html?lang=${lang}${opts.autoSample ? '' : '&sample=none'}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
  return { page, errors, close: () => context.close() };
}

// ───────────────────────────── screenshots ─────────────────────────────

/**
 * The page is one screen (100vh) whose pane scrolls on its own: grow the window until the pane (and, when the
 * layout stacks, the page's scrolling column) shows everything, so a screenshot holds the whole step.
 */
async function growToContent(page: Page, base: { width: number; height: number }): Promise<void> {
  let height = base.height;
  for (let i = 0; i < 8; i++) {
    const over = await page.evaluate(() => {
      const aside = document.querySelector('aside');
      const column = aside?.parentElement;
      const excess = (el: Element | null | undefined) => (el ? Math.max(0, el.scrollHeight - el.clientHeight) : 0);
      return { pane: excess(aside), column: excess(column) };
    });
    if ((over.pane <= 1 && over.column <= 1) || height >= 6000) return;
    // Side by side, the pane takes every extra pixel of window; stacked, the grid keeps 40% of it.
    height = Math.min(6000, height + over.pane + Math.ceil(over.column / 0.6) + 2);
    await page.setViewportSize({ width: base.width, height });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
}

/** test-artifacts/e2e/<build>/<lang>[/<set>]/<name>.png: the whole page, grown to show all of the pane; the window is put back after. */
export async function shoot(page: Page, build: BuildKind, lang: Lang, name: string, opts: { set?: string; paneOnly?: boolean } = {}): Promise<string> {
  const dir = path.join(ARTIFACTS, build, lang, ...(opts.set ? [opts.set] : []));
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  const base = page.viewportSize() ?? { width: 1280, height: 800 };
  const scroll = await page.evaluate(() => {
    const aside = document.querySelector('aside');
    return { aside: aside?.scrollTop ?? 0, main: aside?.parentElement?.scrollTop ?? 0 };
  });
  await page.evaluate(() => {
    const aside = document.querySelector('aside');
    if (aside) aside.scrollTop = 0;
    if (aside?.parentElement) aside.parentElement.scrollTop = 0;
  });
  try {
    await growToContent(page, base);
    if (opts.paneOnly) await page.locator('aside').screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    else await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  } finally {
    await page.setViewportSize(base);
    await page.evaluate((s) => {
      const aside = document.querySelector('aside');
      if (aside) aside.scrollTop = s.aside;
      if (aside?.parentElement) aside.parentElement.scrollTop = s.main;
    }, scroll);
  }
  return file;
}

// ───────────────────────────── accessibility ─────────────────────────────

/**
 * axe-core over the whole page: the serious and critical violations, each with its id, help and target nodes, as
 * text. One known false positive is left out, as Accessibility Insights does: Fluent's keyboard navigation (tabster)
 * plants 1-px `<i tabindex="0" aria-hidden="true" data-tabster-dummy>` sentinels around tab lists and menus that
 * pass the focus straight on; axe reports them as aria-hidden-focus (microsoft/fluentui#27517, "by design";
 * microsoft/accessibility-insights-web#7605 suppresses them). Any other aria-hidden-focus node still fails.
 */
export async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    interface AxeNode {
      target: unknown[];
      html: string;
      failureSummary?: string;
      element?: Element;
    }
    interface AxeViolation {
      id: string;
      impact: string | null;
      help: string;
      helpUrl: string;
      nodes: AxeNode[];
    }
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { elementRef: true });
    const tabsterDummy = (n: AxeNode) => !!n.element?.hasAttribute('data-tabster-dummy');
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ ...v, nodes: v.id === 'aria-hidden-focus' ? v.nodes.filter((n) => !tabsterDummy(n)) : v.nodes }))
      .filter((v) => v.nodes.length > 0)
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n` +
          v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.html.slice(0, 200)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).join('\n'),
      );
  });
}

// ───────────────────────────── keyboard focus ─────────────────────────────

export interface FocusInfo {
  tag: string;
  role: string | null;
  text: string;
  step: string | null;
  /** :focus-visible, or Fluent's keyboard-focus marker (tabster sets data-fui-focus-visible). */
  focusVisible: boolean;
  /** What draws the indicator: an outline or a border/box-shadow on the element or its ::after/::before. */
  indicator: string | null;
}

/** The focused element, and whether a focus indicator is visibly drawn on it. */
export function focused(page: Page): Promise<FocusInfo | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const visible = (px: string) => parseFloat(px) > 0;
    let indicator: string | null = null;
    for (const pseudo of [null, '::after', '::before'] as const) {
      const cs = getComputedStyle(el, pseudo);
      const where = pseudo ?? 'element';
      if (cs.outlineStyle !== 'none' && visible(cs.outlineWidth)) indicator = `${where} outline ${cs.outlineWidth} ${cs.outlineStyle} ${cs.outlineColor}`;
      else if (pseudo && cs.content !== 'none' && cs.borderTopStyle !== 'none' && visible(cs.borderTopWidth)) indicator = `${where} border ${cs.borderTopWidth} ${cs.borderTopStyle} ${cs.borderTopColor}`;
      else if (cs.boxShadow && cs.boxShadow !== 'none' && pseudo !== null) indicator = `${where} box-shadow ${cs.boxShadow}`;
      if (indicator) break;
    }
    return {
      tag: el.tagName.toLowerCase(),
      role: el.getAttribute('role'),
      text: (el.textContent ?? '').trim().slice(0, 60),
      step: el.getAttribute('data-step'),
      focusVisible: el.matches(':focus-visible') || el.hasAttribute('data-fui-focus-visible'),
      indicator,
    };
  });
}

// ───────────────────────────── Fluent controls ─────────────────────────────

/** Open a Fluent Dropdown and pick an option by its accessible name. */
export async function choose(page: Page, combobox: Locator, option: string | RegExp): Promise<void> {
  await combobox.click();
  const listbox = page.getByRole('listbox');
  await listbox.waitFor();
  await listbox.getByRole('option', { name: option }).click();
  await listbox.waitFor({ state: 'hidden' });
}

/** The tier counts a mix chart shows: tier id → customers (from data-tier / data-count). */
export async function mixCounts(chart: Locator): Promise<Record<string, number>> {
  const items = chart.locator('li[data-tier]');
  const out: Record<string, number> = {};
  for (const li of await items.all()) out[(await li.getAttribute('data-tier'))!] = Number(await li.getAttribute('data-count'));
  return out;
}

// ───────────────────────────── downloads ─────────────────────────────

export async function downloadBytes(download: Download): Promise<Uint8Array> {
  const file = await download.path();
  return new Uint8Array(readFileSync(file));
}

export interface SheetGrid {
  /** Rows from row 1, as the file host reads them (null for empty cells). */
  rows: CellValue[][];
}

/** Every sheet of a workbook, read with the file host (the same reader the CLI and the page use). */
export async function readWorkbook(bytes: Uint8Array, name: string): Promise<Map<string, SheetGrid>> {
  const book = FileWorkbook.open(bytes, name);
  const out = new Map<string, SheetGrid>();
  for (const info of await book.listSheets()) {
    const v = await book.readSheet(info.name);
    const rows: CellValue[][] = [];
    for (let r = 1; r < v.firstRow; r++) rows.push([]);
    rows.push(...v.values);
    out.set(info.name, { rows });
  }
  return out;
}

/** The builds every e2e walk runs on: what `npm start` serves, and the production build. */
export const BUILDS: { kind: BuildKind; title: string; start(browser: Browser): Promise<Stage> }[] = [
  { kind: 'dev', title: '`npm start` (development build)', start: stageNpmStart },
  { kind: 'production', title: 'production build', start: stageProduction },
];
