// 建议门槛 in the standalone page (development build, Chromium): on the bundled sample with the VIP spend
// threshold lowered out of its band, the advice dialog shows the thresholds and the mix before and after — the
// same numbers the session computes in Node — and accepting puts the mix back inside the bands and writes the
// rules sheet. Screenshots at 1280 and 360 px in both languages land in test-artifacts/e2e/dev/<lang>/advise/.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPreset, parseScheme, type Lang, type Scheme } from '../../src/core/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import { GradingSession } from '../../src/run/session.ts';
import { translator } from '../../src/taskpane/i18n.tsx';
import { DIST } from '../../scripts/build.ts';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { chromiumAvailable, ensureBuilt, launchChromium } from '../support/chromium.ts';
import { mixCounts, openPage, shoot, type Bundled, type Stage } from './helpers.ts';

const PORT = 41_611;
const LOWERED = 200_000;

/** b2b-value with the VIP spend threshold as the test types it. */
function lowered(): Scheme {
  const s = getPreset('b2b-value')!;
  const json = JSON.parse(JSON.stringify(s));
  json.mode.rules[0].when.all[0].value = LOWERED;
  return parseScheme(json);
}

describe.runIf(chromiumAvailable())('建议门槛 in the standalone page', () => {
  let browser: Browser;
  let server: RunningServer;
  let st: Stage;
  beforeAll(async () => {
    await ensureBuilt('development');
    server = await startServer({ dir: DIST, port: PORT });
    browser = await launchChromium();
    const list = JSON.parse(readFileSync(path.join(DIST, 'assets/workbooks.json'), 'utf8')) as Bundled[];
    st = {
      kind: 'dev',
      dist: DIST,
      url: server.url,
      browser,
      sample(lang: Lang) {
        const entry = list.find((w) => w.kind === 'sample' && w.lang === lang)!;
        return { entry, name: path.basename(entry.file), bytes: new Uint8Array(readFileSync(path.join(DIST, entry.file))) };
      },
      close: async () => {},
    };
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const pane = (page: Page) => page.locator('aside');

  for (const width of [1280, 360]) {
    for (const lang of ['zh-CN', 'en-US'] as const) {
      it(`${lang} at ${width} px: the advice, then accepted`, async () => {
        const t = translator(lang);
        const { page, errors, close } = await openPage(st, lang, { autoSample: true, width, height: 900 });
        try {
          const sample = st.sample(lang);
          const session = new GradingSession(() => FileWorkbook.open(sample.bytes, sample.name), { lang });
          const advice = await session.advise(lowered(), {});
          await pane(page).getByRole('tab', { name: new RegExp(`^\\d ${t.t('stepRules')}$`) }).click();
          const b2b = getPreset('b2b-value')!;
          const value = pane(page).getByRole('spinbutton', { name: t.t('rulesValueAria', { tier: t.l(b2b.tiers[0]!.label), metric: t.l(b2b.criteria[0]!.label) }) }).or(
            pane(page).getByRole('textbox', { name: t.t('rulesValueAria', { tier: t.l(b2b.tiers[0]!.label), metric: t.l(b2b.criteria[0]!.label) }) }),
          );
          await value.first().fill(String(LOWERED));
          await value.first().press('Tab');
          await pane(page).getByTestId('advise-button').click();
          const mix = page.getByTestId('advice-mix');
          await mix.waitFor({ timeout: 60_000 });
          // The dialog shows what the session computes.
          for (const row of advice.after.rows) expect(await mix.locator(`tr[data-tier="${row.tier}"]`).getAttribute('data-after')).toBe(String(row.customers));
          for (const p of advice.proposals.filter((x) => x.proposed !== x.current))
            expect(await page.locator(`[data-testid=advice-thresholds] tr[data-tier="${p.tier}"][data-metric="${p.metric}"]`).getAttribute('data-proposed')).toBe(String(p.proposed));
          expect(advice.fits).toBe(true);
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          // Nothing in the dialog reaches past the window's right edge (tables scroll within it if they must).
          const past = await page.getByTestId('advice').evaluate((box) => {
            const out: string[] = [];
            for (const el of box.querySelectorAll('*')) {
              let clipped = false;
              for (let p = el.parentElement; p && p !== box; p = p.parentElement) if (getComputedStyle(p).overflowX !== 'visible') clipped = true;
              if (!clipped && el.getBoundingClientRect().right > window.innerWidth + 1) out.push(`${el.tagName} "${(el.textContent ?? '').slice(0, 30)}"`);
            }
            return out;
          });
          expect(past).toEqual([]);
          await page.screenshot({ path: await shootPath(lang, `${width}-advice`), fullPage: true, animations: 'disabled', caret: 'hide' });
          await page.getByTestId('advice-accept').click();
          await pane(page).getByText(t.t('adviseAccepted', { sheet: lang === 'zh-CN' ? '等级规则' : 'Tier Rules' }).slice(0, 8)).first().waitFor({ timeout: 60_000 });
          // The preview beside the rules re-grades on the accepted thresholds: the advice's "after".
          const after = Object.fromEntries(advice.after.rows.map((r) => [r.tier, r.customers]));
          await expect.poll(() => mixCounts(pane(page).getByTestId('preview-strip')), { timeout: 60_000 }).toEqual(after);
          await shoot(page, 'dev', lang, `${width}-accepted`, { set: 'advise', paneOnly: width <= 820 });
          expect(errors).toEqual([]);
        } finally {
          await close();
        }
      }, 300_000);
    }
  }
});

async function shootPath(lang: Lang, name: string): Promise<string> {
  const { mkdirSync } = await import('node:fs');
  const dir = path.resolve(import.meta.dirname, '../../test-artifacts/e2e/dev', lang, 'advise');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `${name}.png`);
}
