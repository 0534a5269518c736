// The task pane's loader (src/taskpane/loader.es5.js, inlined into taskpane.html): on a webview that cannot run
// the bundle (IE11 in Office 2016/2019, old EdgeHTML) the pane says which Excel it needs instead of hanging on
// "Loading TierBook…". Proved two ways: the loader as built parses as ES5 (acorn, ecmaVersion 5) while the
// bundle does not parse as ES2017; and the built pane, loaded in Chromium with the features the loader checks
// made unavailable (a global deleted; Function refusing ?. as an old parser does), shows the message — on what
// `npm start` serves and on the production build.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'acorn';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { BUILDS, type Stage } from './helpers.ts';

/** The inline scripts of a built taskpane.html. */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
}


describe.skipIf(!chromiumAvailable())('the loader on an old webview', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close().catch(() => {});
  });

  for (const build of BUILDS) {
    describe(build.title, () => {
      let st: Stage;
      beforeAll(async () => {
        st = await build.start(browser);
      }, 600_000);
      afterAll(async () => {
        await st?.close();
      });

      it('the inline scripts parse as ES5; the app bundle does not parse as ES2017 (it needs the check)', () => {
        const html = readFileSync(path.join(st.dist, 'taskpane.html'), 'utf8');
        const scripts = inlineScripts(html);
        expect(scripts.length).toBe(2);
        expect(scripts[1]).toContain('TIERBOOK_APP');
        for (const s of scripts) expect(() => parse(s, { ecmaVersion: 5, sourceType: 'script' })).not.toThrow();
        // The bundle is loaded by the loader, never by a tag of its own that an old webview would choke on.
        expect(html).not.toMatch(/<script[^>]+src="[^"]*taskpane[^"]*\.js"/);
        const app = JSON.parse(/var TIERBOOK_APP = (\[[^\]]*\]);/.exec(scripts[0]!)![1]!) as string[];
        expect(app.some((f) => /^taskpane(\.[0-9a-f]{8})?\.js$/.test(f))).toBe(true);
        const bundle = readFileSync(path.join(st.dist, app.find((f) => f.startsWith('taskpane'))!), 'utf8');
        expect(() => parse(bundle, { ecmaVersion: 2017, sourceType: 'script' })).toThrow();
        expect(readdirSync(st.dist)).toContain('help.html');
        // The help page states the supported versions, as the message does.
        const help = readFileSync(path.join(st.dist, 'help.html'), 'utf8');
        expect(help).toContain('Windows 版 Excel 2016 和 Excel 2019（非订阅版）');
        expect(help).toContain('Excel 2016 and Excel 2019 on Windows (one-time purchase)');
        expect(help).not.toContain('Excel 2019 or later');
      });

      /** The pane with `setup` run before any script of the page; returns what it shows. */
      async function open(lang: 'zh-CN' | 'en-US', setup: string | null, query = '') {
        const context = await browser.newContext({ locale: lang, viewport: { width: 360, height: 700 } });
        const page: Page = await context.newPage();
        const requested: string[] = [];
        page.on('request', (r) => requested.push(r.url()));
        if (setup) await page.addInitScript({ content: setup });
        await page.goto(`${st.url}/taskpane.html?sample=none${query}`);
        await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' || document.documentElement.dataset.unsupported, null, { timeout: 30_000 });
        const state = await page.evaluate(() => ({
          unsupported: document.documentElement.dataset.unsupported ?? null,
          lang: document.documentElement.lang,
          text: document.getElementById('root')!.innerText,
        }));
        await context.close();
        return { ...state, appRequested: requested.some((u) => /\/taskpane(\.[0-9a-f]{8})?\.js$/.test(u)) };
      }

      it('a modern webview gets the app', async () => {
        const r = await open('zh-CN', null);
        expect(r.unsupported).toBeNull();
        expect(r.appRequested).toBe(true);
      });

      it('without Object.fromEntries (an old engine): the message in Chinese, naming what to use; the bundle is not loaded', async () => {
        const r = await open('zh-CN', 'delete Object.fromEntries;');
        expect(r.unsupported).toBe('true');
        expect(r.appRequested).toBe(false);
        expect(r.lang).toBe('zh-CN');
        expect(r.text).toContain('TierBook 无法在此版本的 Excel 中运行');
        expect(r.text).toContain('Object.fromEntries');
        expect(r.text).toContain('Windows 版 Microsoft 365（版本 2101 或更高），并已安装 Microsoft Edge WebView2 运行时');
        expect(r.text).toContain('Windows 版 Excel 2016 和 Excel 2019（非订阅版）无法运行 TierBook。');
        expect(r.text).toContain('https://developer.microsoft.com/microsoft-edge/webview2/');
      });

      it('a parser without ?. and ?? (as IE11 / EdgeHTML): the message in English, not a hang', async () => {
        // The page's Function refuses what an old parser cannot read, as Trident and EdgeHTML do.
        const oldParser = `(() => {
          const F = Function;
          const Old = function (...args) {
            if (/\\?\\.|\\?\\?|#\\w/.test(args.join(','))) throw new SyntaxError('Expected identifier');
            return F(...args);
          };
          Old.prototype = F.prototype;
          window.Function = Old;
        })();`;
        const r = await open('en-US', oldParser);
        expect(r.unsupported).toBe('true');
        expect(r.appRequested).toBe(false);
        expect(r.lang).toBe('en-US');
        expect(r.text).toContain('TierBook cannot run in this version of Excel');
        expect(r.text).toContain('ES2022 syntax (?. ?? class fields)');
        expect(r.text).toContain('Excel 2021, Excel 2024 or later on Windows');
      });

      it('Safari before 15.4 (no Array.prototype.at): the message names it', async () => {
        const r = await open('en-US', 'delete Array.prototype.at;', '&lang=en-US');
        expect(r.unsupported).toBe('true');
        expect(r.text).toContain('Array.prototype.at');
        expect(r.text).toContain('macOS 12.3 or later (Safari 15.4 or later)');
      });
    });
  }
});
