// `npm run bench -- taskpane`: the task pane's weight and start-up, against the issue's targets:
//   - the initial chunk(s): every script and stylesheet taskpane.html loads up front (not async, not lazy),
//     gzip level 9, ≤ 300 KB. office.js is Microsoft's (from its CDN in production) and is not counted.
//   - the lazy chunks (import(), React.lazy, workers): reported, no target.
//   - time to interactive in headless Chromium: from navigation start until the page sets
//     document.documentElement.dataset.ready = 'true'; best and median of 5 fresh loads (new browser context,
//     cache disabled), ≤ 1.5 s. Served over http://localhost, so the network adds almost nothing.
// Built in production mode with TIERBOOK_OFFICE_JS=local (the CDN is unreachable here), into dist/ (shared
// with the e2e tests: rebuilt only when stale).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureBuilt } from '../scripts/build.ts';
import { startServer } from '../scripts/serve.ts';
import { chromiumAvailable, launchChromium } from '../test/support/chromium.ts';
import type { BenchLine } from './harness.ts';

const INITIAL_TARGET_BYTES = 300 * 1024;
const TTI_TARGET_MS = 1500;
const LOADS = 5;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** The files taskpane.html loads up front, relative to it: deferred or blocking scripts and stylesheets. */
export function initialFiles(html: string): { ours: string[]; skipped: string[] } {
  const refs: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>/gi)) {
    const attrs = m[1]!;
    const src = /\bsrc=["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (src && !/\basync\b/i.test(attrs)) refs.push(src);
  }
  // The bundle's scripts, which the inline loader adds once it knows the webview can run them (loader.es5.js).
  const app = /var TIERBOOK_APP = (\[[^\]]*\]);/.exec(html);
  if (app) refs.push(...(JSON.parse(app[1]!) as string[]));
  for (const m of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = m[1]!;
    const href = /\bhref=["']?([^"'\s>]+)/i.exec(attrs)?.[1];
    if (href && /\brel=["']?stylesheet/i.test(attrs)) refs.push(href);
  }
  const skipped = refs.filter((r) => /^(https?:)?\/\//.test(r) || r.startsWith('office-js/'));
  return { ours: refs.filter((r) => !skipped.includes(r)), skipped };
}

async function timeToInteractive(url: string): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let k = 0; k < LOADS; k++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      // Record the moment the marker is set (a MutationObserver fires right after), not when a poll notices.
      await page.addInitScript(() => {
        const w = window as unknown as { __tbReadyAt?: number };
        new MutationObserver(() => {
          if (w.__tbReadyAt === undefined && document.documentElement.dataset.ready === 'true') w.__tbReadyAt = performance.now();
        }).observe(document, { attributes: true, attributeFilter: ['data-ready'], subtree: true });
      });
      await page.goto(url);
      await page.waitForFunction(() => (window as unknown as { __tbReadyAt?: number }).__tbReadyAt !== undefined, null, { timeout: 30_000 });
      times.push(await page.evaluate(() => (window as unknown as { __tbReadyAt: number }).__tbReadyAt));
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

export async function benchTaskpane(): Promise<BenchLine[]> {
  const section = 'taskpane';
  let dist: string;
  try {
    dist = await ensureBuilt({ mode: 'production', officeJs: 'local' });
  } catch (e) {
    console.error((e as Error).message);
    return [{ section, name: 'production build', ms: 0, note: 'FAILED: the build did not complete (see above)' }];
  }
  const html = readFileSync(path.join(dist, 'taskpane.html'), 'utf8');
  const initial = initialFiles(html);
  const initialSizes = initial.ours.map((f) => ({ f, gzip: gz(path.join(dist, f)) }));
  const initialGzip = initialSizes.reduce((s, x) => s + x.gzip, 0);
  const lazy = readdirSync(dist).filter((f) => /\.(js|css)$/.test(f) && !initial.ours.includes(f));
  const lazyGzip = lazy.reduce((s, f) => s + gz(path.join(dist, f)), 0);
  const lazyRaw = lazy.reduce((s, f) => s + readFileSync(path.join(dist, f)).length, 0);
  const lines: BenchLine[] = [
    {
      section,
      name: 'initial chunk, gzip -9',
      ms: 0,
      ratio: `${(initialGzip / INITIAL_TARGET_BYTES).toFixed(2)}× target`,
      note: `${kb(initialGzip)} (target ≤ 300 KB${initialGzip <= INITIAL_TARGET_BYTES ? ', met' : ', MISSED'}): ${initialSizes.map((x) => `${x.f} ${kb(x.gzip)}`).join(', ')}; office.js not counted`,
      extra: { gzipBytes: initialGzip, targetBytes: INITIAL_TARGET_BYTES, files: initial.ours.join(' ') },
    },
    {
      section,
      name: 'lazy chunks, gzip -9',
      ms: 0,
      note: `${lazy.length} files, ${kb(lazyGzip)} gzip (${kb(lazyRaw)} raw), workers included`,
      extra: { gzipBytes: lazyGzip, rawBytes: lazyRaw, files: lazy.length },
    },
  ];
  if (!chromiumAvailable()) {
    lines.push({ section, name: 'time to interactive', ms: 0, note: 'SKIPPED: Chromium is not installed (apt-get install chromium)' });
    return lines;
  }
  const server = await startServer({ dir: dist, port: 0, https: false });
  try {
    const times = await timeToInteractive(`${server.url}/taskpane.html`);
    const sorted = [...times].sort((a, b) => a - b);
    const best = sorted[0]!;
    const median = sorted[Math.floor(sorted.length / 2)]!;
    lines.push({
      section,
      name: `time to interactive, best of ${LOADS}`,
      ms: best,
      ratio: `${(best / TTI_TARGET_MS).toFixed(2)}× target`,
      note: `median ${median.toFixed(0)} ms (target ≤ 1.5 s${median <= TTI_TARGET_MS ? ', met' : ', MISSED'}); headless Chromium, cache disabled, http://localhost`,
      extra: { bestMs: best, medianMs: median, targetMs: TTI_TARGET_MS, runs: times.map((t) => t.toFixed(0)).join(' ') },
    });
  } catch (e) {
    lines.push({ section, name: 'time to interactive', ms: 0, note: `FAILED: ${(e as Error).message.split('\n')[0]}` });
  } finally {
    await server.close();
  }
  return lines;
}
