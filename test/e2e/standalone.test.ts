// The standalone page end to end, in real Chromium (Debian's /usr/bin/chromium driven by playwright-core):
// open the bundled sample, check and change the column mapping, choose a preset, preview, grade and write
// back, show a data issue's cell in the grid, download the graded workbook and re-read it in Node, then build
// the 2025H2 summaries and the handbook and download again — once in zh-CN (sample from the menu) and once in
// en-US (sample through the file input) — on what `npm start` serves (it is started as the README says: a
// development build) and on the production build. Every step is screenshotted into
// test-artifacts/e2e/<build>/<lang>/ at 1280×800 (and the pane alone at 360 px, the task pane's width) and
// checked with axe-core.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { GENERATED_SHEETS, OUTPUT_COLUMNS, columnLetter, generatedSheetOf, headerKey, type Lang, type Scheme } from '../../src/core/index.ts';
import { CUSTOMER_COLUMNS, SAMPLE_HEADERS } from '../../scripts/sample/index.ts';
import { getPreset } from '../../src/core/scheme/presets/index.ts';
import { FileWorkbook } from '../../src/hosts/file/file-workbook.ts';
import type { CellValue } from '../../src/port/workbook.ts';
import { GradingSession, type DataView, type Selection } from '../../src/run/session.ts';
import { translator, type Translator } from '../../src/taskpane/i18n.tsx';
import { STRINGS } from '../../src/taskpane/strings.ts';
import { readBuildInfo } from '../../scripts/build.ts';
import { chromiumAvailable, launchChromium } from '../support/chromium.ts';
import { ARTIFACTS, axeProblems, choose, downloadBytes, focused, mixCounts, openPage, readWorkbook, shoot, BUILDS, type FocusInfo, type Stage } from './helpers.ts';

const FLOW_TIMEOUT = 180_000;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let browser: Browser;
let st: Stage;

/** What the pane should show for a sample, a scheme and a selection: the same session the worker runs, in Node. */
async function expected(lang: Lang, bytes: Uint8Array, name: string, scheme: Scheme, selection: Selection = {}) {
  const session = new GradingSession(() => FileWorkbook.open(bytes, name), { lang });
  const view = await session.inspect(scheme, selection);
  const preview = await session.preview(scheme, selection);
  const counts = Object.fromEntries(preview.mix.bars.map((b) => [b.tier, b.customers]));
  return { view, preview, counts };
}

/** The pane (the <aside> beside the grid). */
const pane = (page: Page) => page.locator('aside');

async function step(page: Page, t: Translator, key: 'stepData' | 'stepRules' | 'stepPreview' | 'stepApply' | 'stepSummaries' | 'stepHandbook') {
  await pane(page).getByRole('tab', { name: new RegExp(`^\\d ${t.t(key)}$`) }).click();
}

async function next(page: Page, t: Translator) {
  await pane(page).getByRole('button', { name: t.t('next'), exact: true }).click();
}

async function selectedStep(page: Page): Promise<string | null> {
  return pane(page).locator('[role=tab][aria-selected=true]').getAttribute('data-step');
}

/** axe-core finds no serious or critical violation; soft, so that the flow goes on and every step is checked. */
async function expectNoAxeProblems(page: Page, where: string) {
  const problems = await axeProblems(page);
  if (problems.length) console.error(`axe (${where}):\n${problems.join('\n')}`);
  expect.soft(problems, `axe-core serious/critical violations on ${where}`).toEqual([]);
}

/** Text of the pane in the wrong language: CJK in English, English UI strings in Chinese (the language switch excepted). */
async function foreignText(page: Page, lang: Lang): Promise<string[]> {
  const text = await pane(page).evaluate((el) => {
    const clone = el.cloneNode(true) as HTMLElement;
    // The switch names the other language on purpose.
    for (const b of clone.querySelectorAll('button[lang]')) b.remove();
    return clone.innerText;
  });
  if (lang === 'en-US') return [...new Set(text.match(/[\u3400-\u9fff\uff01-\uff5e]+/g) ?? [])];
  const english = Object.values(STRINGS)
    .map((s) => s['en-US'])
    .filter((s) => !s.includes('{') && s.length >= 5 && /[a-z]{3}/i.test(s));
  return english.filter((s) => text.includes(s));
}

/** Elements of the pane that stick out to the right of it (not inside something that scrolls or clips). */
async function overflowing(page: Page): Promise<string[]> {
  return pane(page).evaluate((aside) => {
    const limit = aside.getBoundingClientRect().right + 1;
    const out: string[] = [];
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== aside; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox !== 'visible') return true;
      }
      return false;
    };
    for (const el of aside.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || r.right <= limit || clipped(el)) continue;
      out.push(`<${el.tagName.toLowerCase()} class="${el.className}"> right=${Math.round(r.right)} "${(el.textContent ?? '').trim().slice(0, 40)}"`);
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    return out;
  });
}

/** The header cells of the customer sheet's header row → 0-based column, by header text folded as the core folds it. */
function headerIndex(row: CellValue[]): Map<string, number> {
  return new Map(row.map((h, c) => [headerKey(h), c]));
}

interface Flow {
  lang: Lang;
  /** How the sample is opened: the "open sample" menu, or the hidden file input. */
  open: 'menu' | 'file';
  /** Presets chosen on the rules step, in order; the last one is applied. */
  presets: string[];
}

const FLOWS: Flow[] = [
  { lang: 'zh-CN', open: 'menu', presets: ['salon-spend'] },
  { lang: 'en-US', open: 'file', presets: ['crm-activity', 'b2b-value'] },
];

async function openSample(page: Page, flow: Flow, t: Translator) {
  const sample = st.sample(flow.lang);
  if (flow.open === 'menu') {
    await page.getByRole('button', { name: t.t('openSample') }).click();
    await page.getByRole('menuitem', { name: flow.lang === 'zh-CN' ? sample.entry.title_zh : sample.entry.title_en }).click();
  } else {
    await page.locator('[data-testid=file-input]').setInputFiles({
      name: sample.name,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(sample.bytes),
    });
  }
  // Opening a 1,000-row sample takes seconds in the development build (unminified worker): wait as a user would.
  await expect.poll(() => page.getByRole('toolbar').textContent(), { timeout: 30_000 }).toContain(sample.name);
  return sample;
}

/** The data step as the pane shows it must match the session's view: sheet, header row, related sheets, mapping and its synonyms. */
async function checkDataStep(page: Page, t: Translator, view: DataView) {
  const p = pane(page);
  await p.getByText(t.t('headerFound', { row: view.headerRow, count: view.customers })).waitFor();
  expect(await p.getByRole('combobox', { name: t.t('customerSheet') }).textContent()).toBe(view.customerSheet);
  for (const [role, key] of [['orders', 'roleOrders'], ['interactions', 'roleInteractions'], ['satisfaction', 'roleSatisfaction']] as const) {
    expect(view.related[role], role).toBeTruthy();
    await p.getByText(new RegExp(`^${escape(t.t(key))}\\s*[:：]\\s*${escape(view.related[role]!)}$`)).waitFor();
  }
  for (const f of view.fields) {
    const field = p.locator(`[data-field="${f.field}"]`);
    const col = view.columns.find((c) => c.col === f.col);
    const box = field.getByRole('combobox');
    expect(await box.textContent(), f.field).toBe(col ? `${col.letter} · ${col.header}` : t.t('notUsed'));
    if (col?.synonym && col.matchedBy !== 'contains') expect(await field.textContent(), f.field).toContain(t.t('matchedSynonym', { synonym: col.synonym }));
  }
  // The metrics the default scheme grades on are found by their synonyms.
  for (const metric of ['annualSpend', 'cooperationYears']) expect(view.fields.find((f) => f.field === metric)?.col, metric).not.toBeNull();
}

async function chart(section: Locator): Promise<Record<string, number>> {
  return mixCounts(section.getByTestId('mix-chart'));
}

/**
 * Both builds a user meets: what `npm start` serves (the README's first step: a development build, where React
 * StrictMode mounts, unmounts and mounts every component) and the production build. The whole flow runs on
 * each, in both languages; the keyboard and 360 px walks once, on `npm start`'s.
 */

describe.skipIf(!chromiumAvailable())('standalone page in Chromium', () => {
  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true }); // this run's screenshots only
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close().catch(() => {});
  });

  for (const build of BUILDS) {
    describe(build.title, () => {
      beforeAll(async () => {
        st = await build.start(browser);
        if (build.kind === 'dev') expect(readBuildInfo(st.dist)?.mode, 'npm start serves a development build').toBe('development');
      }, 600_000);
      afterAll(async () => {
        await st?.close();
      });

    for (const flow of FLOWS) {
      it(
        `${flow.lang}: sample → mapping → preset → preview → apply → issue → download → summaries → handbook`,
        async () => {
          const { lang } = flow;
          const t = translator(lang);
          const { page, errors, close } = await openPage(st, lang);
          try {
            expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
            await page.getByRole('heading', { name: t.t('standaloneTitle') }).waitFor();
            await pane(page).getByText(t.t('noWorkbook')).waitFor();

            // ── 1 Data ──
            const sample = await openSample(page, flow, t);
            const b2b = getPreset('b2b-value')!;
            const first = await expected(lang, sample.bytes, sample.name, b2b);
            const view = first.view;
            await checkDataStep(page, t, view);
            await shoot(page, st.kind, lang, '01-data');
            // Nothing graded yet: Download is off and says why.
            const downloadButton = page.getByTestId('download');
            expect(await downloadButton.getAttribute('aria-disabled')).toBe('true');
            await downloadButton.hover();
            expect(await page.getByRole('tooltip').textContent()).toBe(t.t('downloadNotGraded'));
            await shoot(page, st.kind, lang, '01-download-off');
            await page.mouse.move(0, 400);
            await expectNoAxeProblems(page, `${lang} data step`);
            expect(await foreignText(page, lang)).toEqual([]);

            const headers = SAMPLE_HEADERS[lang].customers;
            const phone = view.columns.find((c) => c.header === headers[CUSTOMER_COLUMNS.phone])!;
            const years = view.columns.find((c) => c.header === headers[CUSTOMER_COLUMNS.cooperationYears])!;
            let selection: Selection = {};
            if (lang === 'zh-CN') {
              // Read 最近消费日期 from the phone column: not dates, so each row becomes a data issue with its cell,
              // while the grading (which does not use it) is unchanged.
              const field = pane(page).locator('[data-field=lastPurchase]');
              await choose(page, field.getByRole('combobox'), `${phone.letter} · ${phone.header}`);
              await expect.poll(() => field.textContent()).toContain(t.t('matchedExplicit'));
              expect(await field.getByRole('combobox').textContent()).toBe(`${phone.letter} · ${phone.header}`);
              selection = { sheet: view.customerSheet, mapping: { lastPurchase: phone.header } };
            } else {
              // Unmap the cooperation years: the sheet cannot be graded, and says so; map it back.
              const field = pane(page).locator('[data-field=cooperationYears]');
              await choose(page, field.getByRole('combobox'), t.t('notUsed'));
              await pane(page).getByText(t.t('cannotGrade')).waitFor();
              await shoot(page, st.kind, lang, '02-data-unmapped');
              await expectNoAxeProblems(page, `${lang} data step, mapping problem`);
              // Apply is off, and says why and where to fix it.
              await step(page, t, 'stepApply');
              expect(await pane(page).getByRole('button', { name: t.t('applyButton') }).isDisabled()).toBe(true);
              const yearsLabel = t.l(view.fields.find((f) => f.field === 'cooperationYears')!.label);
              expect(await pane(page).getByTestId('apply-why').textContent()).toBe(t.t('applyWhyMissing', { fields: yearsLabel }));
              await shoot(page, st.kind, lang, '02-apply-blocked');
              await step(page, t, 'stepData');
              await choose(page, field.getByRole('combobox'), `${years.letter} · ${years.header}`);
              await pane(page).getByText(t.t('cannotGrade')).waitFor({ state: 'hidden' });
              await expect.poll(() => field.textContent()).toContain(t.t('matchedExplicit'));
              selection = { sheet: view.customerSheet, mapping: { cooperationYears: years.header } };
            }

            // ── 2 Rules: the preset drives the grading ──
            await next(page, t);
            await expect.poll(() => selectedStep(page)).toBe('rules');
            const presetBox = pane(page).getByRole('combobox', { name: t.t('rulesPreset') });
            await presetBox.waitFor();
            expect(await presetBox.textContent()).toBe(t.l(b2b.name));
            let scheme = b2b;
            let want = first;
            for (const id of flow.presets) {
              scheme = getPreset(id)!;
              want = await expected(lang, sample.bytes, sample.name, scheme, selection);
              await choose(page, presetBox, new RegExp(`^${escape(t.l(scheme.name))}`));
              await pane(page).getByText(t.t('rulesPresetApplied', { name: t.l(scheme.name) })).waitFor();
              expect(await presetBox.textContent()).toBe(t.l(scheme.name));
              await pane(page).getByText(t.t('schemeInUse', { name: t.l(scheme.name) })).waitFor();
              // The strip under the editor re-grades under the chosen preset.
              await expect.poll(() => chart(pane(page).getByTestId('preview-strip')), { timeout: 30_000 }).toEqual(want.counts);
            }
            expect(Object.keys(want.counts)).toEqual(scheme.tiers.map((x) => x.id));
            // Not the default's mix: the choice of preset is what grades.
            if (scheme.id !== b2b.id) expect(want.counts).not.toEqual(first.counts);
            await shoot(page, st.kind, lang, '03-rules');
            await expectNoAxeProblems(page, `${lang} rules step`);
            expect(await foreignText(page, lang)).toEqual([]);

            // ── 3 Preview ──
            await next(page, t);
            await expect.poll(() => selectedStep(page)).toBe('preview');
            const preview = pane(page).getByTestId('preview');
            await expect.poll(() => chart(preview), { timeout: 30_000 }).toEqual(want.counts);
            await preview.getByText(t.t('neverGraded')).waitFor();
            // The data issues are listed, each with its cell (the zh-CN flow reads dates from the phone column).
            if (lang === 'zh-CN') expect(await preview.getByTestId('issue-list').getByRole('button').count()).toBeGreaterThan(0);
            else await preview.getByText(t.t('issuesNone')).waitFor();
            await shoot(page, st.kind, lang, '04-preview');
            await expectNoAxeProblems(page, `${lang} preview step`);

            // ── 4 Apply ──
            await next(page, t);
            await expect.poll(() => selectedStep(page)).toBe('apply');
            await pane(page).getByRole('button', { name: t.t('applyButton') }).click();
            const graded = want.preview.mix.graded;
            await pane(page).getByText(t.t('applied', { sheet: view.customerSheet, count: graded })).waitFor({ timeout: 60_000 });
            const results = pane(page).locator('section[aria-labelledby=apply-mix]');
            const shown = await chart(results);
            expect(shown).toEqual(want.counts);
            expect(Object.values(shown).reduce((a, b) => a + b, 0)).toBe(graded);
            await pane(page).getByRole('button', { name: t.t('applyAgain') }).waitFor();
            // The first grading of the sheet says so: not "never graded".
            await pane(page).getByText(t.t('movesFirstGrading')).waitFor();
            expect(await pane(page).getByText(t.t('neverGraded')).count()).toBe(0);
            // The grid re-reads the sheet: the tier column is there, right of the user's columns.
            const tierHeader = OUTPUT_COLUMNS.find((c) => c.key === 'tier')!.header[lang];
            const tierLetter = columnLetter(Math.max(...view.columns.map((c) => c.col)) + 1);
            const grid = page.getByTestId('grid');
            await expect.poll(() => grid.locator(`[data-cell="${tierLetter}${view.headerRow}"]`).textContent().catch(() => null)).toBe(tierHeader);
            const firstTier = await grid.locator(`[data-cell="${tierLetter}${view.headerRow + 1}"]`).textContent();
            expect(scheme.tiers.map((x) => x.label[lang])).toContain(firstTier);
            await shoot(page, st.kind, lang, '05-apply');
            await expectNoAxeProblems(page, `${lang} apply results`);
            expect(await foreignText(page, lang)).toEqual([]);

            if (lang === 'zh-CN') {
              // A data issue's button scrolls the grid to its cell and marks it.
              const row = 300;
              const cell = `${phone.letter}${row}`;
              const issues = pane(page).getByTestId('issue-list');
              await issues.waitFor();
              await issues.getByRole('button', { name: t.t('showCell', { cell: `${view.customerSheet}!${cell}` }) }).click();
              const target = grid.locator(`[data-cell="${cell}"]`);
              await target.waitFor();
              await expect
                .poll(async () => {
                  const [g, c] = [await grid.boundingBox(), await target.boundingBox()];
                  return !!g && !!c && c.y >= g.y && c.y + c.height <= g.y + g.height && c.x >= g.x && c.x + c.width <= g.x + g.width;
                })
                .toBe(true);
              expect(await target.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
              // The row number and column letter beside it name that cell, and stay in view (sticky) while scrolled.
              const [box, gridBox] = [(await target.boundingBox())!, (await grid.boundingBox())!];
              const rowHead = (await grid.locator(`[data-row-head="${row}"]`).boundingBox())!;
              const colHead = (await grid.locator(`[data-col-head="${phone.letter}"]`).boundingBox())!;
              expect(Math.abs(rowHead.y - box.y), 'row number level with the cell').toBeLessThan(2);
              expect(Math.abs(rowHead.x - gridBox.x), 'row numbers at the left edge').toBeLessThan(2);
              expect(Math.abs(colHead.x - box.x), 'column letter above the cell').toBeLessThan(2);
              expect(Math.abs(colHead.y - gridBox.y), 'column letters at the top edge').toBeLessThan(2);
              expect(await target.textContent()).toBe(String((await FileWorkbook.open(sample.bytes, sample.name).readSheet(view.customerSheet, { firstRow: row, lastRow: row })).values[0]![phone.col]));
              await page.getByRole('tab', { name: view.customerSheet, selected: true }).waitFor();
              await shoot(page, st.kind, lang, '06-issue-cell');
            } else {
              await pane(page).getByText(t.t('issuesNone')).waitFor();
            }

            // ── Download the graded workbook and read it back ──
            const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.t('download') }).click()]);
            expect(download.suggestedFilename()).toBe(sample.name.replace(/\.xlsx$/, '.graded.xlsx'));
            const gradedBook = await readWorkbook(await downloadBytes(download), download.suggestedFilename());
            const original = await readWorkbook(sample.bytes, sample.name);
            checkGraded(lang, scheme, shown, view, original, gradedBook);
            expect([...gradedBook.keys()].some((n) => generatedSheetOf(n) === 'rules'), 'the rules sheet').toBe(true);

            // Back on Preview, the pane compares with the grading just written.
            await step(page, t, 'stepPreview');
            await pane(page).getByTestId('preview').getByTestId('moves-same').waitFor({ timeout: 30_000 });
            expect(await pane(page).getByText(t.t('neverGraded')).count()).toBe(0);
            await shoot(page, st.kind, lang, '06-preview-after-apply');

            // ── 5 Summaries for 2025H2 ──
            await step(page, t, 'stepSummaries');
            await expect.poll(() => selectedStep(page)).toBe('summaries');
            const period = pane(page).getByRole('textbox', { name: t.t('periodLabel') });
            await period.fill('2025H2');
            await pane(page).getByRole('button', { name: t.t('summariesButton') }).click();
            const [before, after] = t.t('summariesDone', { period: '2025H2', sheets: '@@' }).split('@@').map(escape) as [string, string];
            const done = pane(page).getByText(new RegExp(`^${before}`));
            await done.waitFor({ timeout: 60_000 });
            // The file host builds native PivotTables now: the message says so after the sheet list.
            const native = t.t('summariesNative');
            const summaryText = (await done.textContent())!.trim();
            expect(summaryText.endsWith(native), summaryText).toBe(true);
            const listed = summaryText.slice(0, -native.length).trim();
            const summarySheets = new RegExp(`^${before}(.+)${after}$`).exec(listed)![1]!.split(lang === 'zh-CN' ? '、' : ', ');
            // The first period in the history: the tier mix now; movement and churn need an earlier snapshot.
            expect(summarySheets.map(generatedSheetOf)).toEqual(['mix']);
            await pane(page).getByText(t.t('firstPeriod')).waitFor();
            expect(await chart(pane(page).locator('section[aria-labelledby=summaries-mix]'))).toEqual(shown);
            await shoot(page, st.kind, lang, '07-summaries');
            await expectNoAxeProblems(page, `${lang} summaries step`);

            // ── 6 Handbook ──
            await next(page, t);
            await expect.poll(() => selectedStep(page)).toBe('handbook');
            await pane(page).getByRole('button', { name: t.t('handbookButton') }).click();
            const handbookName = GENERATED_SHEETS.handbook[lang];
            await pane(page).getByText(t.t('handbookDone', { sheet: handbookName })).waitFor({ timeout: 60_000 });
            await shoot(page, st.kind, lang, '08-handbook');
            await expectNoAxeProblems(page, `${lang} handbook step`);
            expect(await foreignText(page, lang)).toEqual([]);

            // ── Download again: summaries, history and handbook are in it, the grading still is ──
            const [again] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.t('download') }).click()]);
            const finalBook = await readWorkbook(await downloadBytes(again), again.suggestedFilename());
            for (const name of [...summarySheets, handbookName, GENERATED_SHEETS.history[lang]]) {
              const sheet = finalBook.get(name);
              expect(sheet, `sheet ${name}`).toBeTruthy();
              expect(sheet!.rows.filter((r) => r.some((v) => v !== null && v !== '')).length, `rows of ${name}`).toBeGreaterThan(1);
            }
            const handbookText = finalBook.get(handbookName)!.rows.flat().join(' ');
            for (const tier of scheme.tiers) expect(handbookText, 'handbook names every tier').toContain(tier.label[lang]);
            checkGraded(lang, scheme, shown, view, original, finalBook);

            expect(errors.filter((e) => !/favicon/.test(e))).toEqual([]);
          } finally {
            await close();
          }
        },
        FLOW_TIMEOUT,
      );
    }

    it(
      'a first visit opens the sample of the page language by itself',
      async () => {
        for (const lang of ['zh-CN', 'en-US'] as const) {
          const t = translator(lang);
          const { page, errors, close } = await openPage(st, lang, { autoSample: true });
          try {
            const sample = st.sample(lang);
            const { view } = await expected(lang, sample.bytes, sample.name, getPreset('b2b-value')!);
            await pane(page).getByText(t.t('headerFound', { row: view.headerRow, count: view.customers })).waitFor();
            expect(await page.getByRole('toolbar').textContent()).toContain(sample.name);
            expect(errors).toEqual([]);
          } finally {
            await close();
          }
        }
      },
      FLOW_TIMEOUT,
    );

    // The keyboard and 360 px walks run once, on what `npm start` serves (registered only there: nothing skipped).
    if (build.kind === 'dev')
      it(
      'keyboard: the step tabs and Next work from the keyboard, with a visible focus indicator',
      async () => {
        const lang: Lang = 'en-US';
        const t = translator(lang);
        const { page, close } = await openPage(st, lang);
        try {
          await openSample(page, { lang, open: 'menu', presets: [] }, t);
          await pane(page).getByText(/Header on row/).waitFor();
          // From the top of the page, Tab (only the keyboard from here on) until the focus enters the step tabs:
          // the selected tab takes it.
          await page.getByRole('heading', { name: t.t('standaloneTitle') }).click();
          let f: FocusInfo | null = null;
          for (let i = 0; i < 20 && !f?.step; i++) {
            await page.keyboard.press('Tab');
            f = await focused(page);
          }
          expect(f?.role).toBe('tab');
          expect(f?.step).toBe('data');
          expect(f?.focusVisible, 'keyboard focus is marked').toBe(true);
          expect(f?.indicator, `a focus indicator is drawn on ${JSON.stringify(f)}`).toBeTruthy();
          // Arrow keys move along the tabs; Enter opens the step.
          await page.keyboard.press('ArrowRight');
          await page.keyboard.press('ArrowRight');
          f = await focused(page);
          expect(f?.step).toBe('preview');
          expect(f?.indicator).toBeTruthy();
          await page.keyboard.press('Enter');
          await expect.poll(() => selectedStep(page)).toBe('preview');
          await pane(page).getByTestId('preview').waitFor();
          await page.keyboard.press('ArrowLeft');
          await page.keyboard.press('ArrowLeft');
          expect((await focused(page))?.step).toBe('data');
          await page.keyboard.press('Enter');
          await expect.poll(() => selectedStep(page)).toBe('data');
          await pane(page).getByText(/Header on row/).waitFor();
          // Tab on through the data step until Next has the focus (Back is disabled on the first step).
          let reached = false;
          for (let i = 0; i < 60 && !reached; i++) {
            await page.keyboard.press('Tab');
            f = await focused(page);
            reached = f?.tag === 'button' && f.text === t.t('next');
          }
          expect(reached, 'Next is reachable with Tab').toBe(true);
          expect(f?.focusVisible).toBe(true);
          expect(f?.indicator, `a focus indicator is drawn on ${JSON.stringify(f)}`).toBeTruthy();
          await shoot(page, st.kind, lang, '09-keyboard-next-focused');
          await page.keyboard.press('Enter');
          await expect.poll(() => selectedStep(page)).toBe('rules');
          await pane(page).getByRole('combobox', { name: t.t('rulesPreset') }).waitFor();
          // The focus stays on Next: Space works too, and Back is one Shift+Tab away.
          expect((await focused(page))?.text).toBe(t.t('next'));
          await page.keyboard.press('Space');
          await expect.poll(() => selectedStep(page)).toBe('preview');
          await page.keyboard.press('Shift+Tab');
          f = await focused(page);
          expect(f?.text).toBe(t.t('back'));
          expect(f?.indicator, `a focus indicator is drawn on ${JSON.stringify(f)}`).toBeTruthy();
          await page.keyboard.press('Enter');
          await expect.poll(() => selectedStep(page)).toBe('rules');
        } finally {
          await close();
        }
      },
      FLOW_TIMEOUT,
    );

    for (const lang of build.kind === 'dev' ? (['zh-CN', 'en-US'] as const) : []) {
      it(
        `${lang} at the task pane's width (360 px): the pane and the grid take turns, nothing sticks out, every step screenshotted`,
        async () => {
          const t = translator(lang);
          const { page, close } = await openPage(st, lang, { width: 360, height: 800 });
          try {
            const sample = await openSample(page, { lang, open: 'file', presets: [] }, t);
            const { view } = await expected(lang, sample.bytes, sample.name, getPreset('b2b-value')!);
            await pane(page).getByText(t.t('headerFound', { row: view.headerRow, count: view.customers })).waitFor();
            // The pane has the screen; the switch in the bar shows the grid instead, and back.
            const views = page.getByTestId('view-switch');
            expect(await page.getByTestId('grid').boundingBox(), 'the grid is hidden behind the pane').toBeNull();
            const aside = await pane(page).boundingBox();
            expect(aside!.width).toBeLessThanOrEqual(360);
            await views.getByRole('tab', { name: t.t('viewGrid') }).click();
            expect(await pane(page).boundingBox(), 'the pane is hidden behind the grid').toBeNull();
            expect((await page.getByTestId('grid').boundingBox())!.width).toBeLessThanOrEqual(360);
            await views.getByRole('tab', { name: t.t('viewPane') }).click();
            const set = '360';
            const check = async (name: string) => {
              expect(await overflowing(page), `${lang} ${name} at 360 px`).toEqual([]);
              await shoot(page, st.kind, lang, name, { set, paneOnly: true });
            };
            await check('01-data');
            await step(page, t, 'stepRules');
            await pane(page).getByRole('combobox', { name: t.t('rulesPreset') }).waitFor();
            await expect.poll(async () => Object.keys(await chart(pane(page).getByTestId('preview-strip'))).length, { timeout: 30_000 }).toBe(4);
            await check('02-rules');
            // The editor's sections open: the tables and fields must fit too.
            for (const key of ['rulesSectionTiers', 'rulesSectionCriteria', 'rulesSectionBenefits', 'rulesSectionReview'] as const) {
              await pane(page).getByRole('button', { name: new RegExp(`^${t.t(key)}`) }).click();
            }
            await check('03-rules-open');
            await step(page, t, 'stepPreview');
            await expect.poll(async () => Object.keys(await chart(pane(page).getByTestId('preview'))).length, { timeout: 30_000 }).toBe(4);
            await check('04-preview');
            await step(page, t, 'stepApply');
            await pane(page).getByRole('button', { name: t.t('applyButton') }).click();
            await pane(page).getByRole('button', { name: t.t('applyAgain') }).waitFor({ timeout: 60_000 });
            await check('05-apply');
            // The grid, switched to, has moved to the tier column written.
            await page.getByTestId('view-switch').getByRole('tab', { name: t.t('viewGrid') }).click();
            const tierCell = `${columnLetter(Math.max(...view.columns.map((c) => c.col)) + 1)}${view.headerRow}`;
            await page.getByTestId('grid').locator(`[data-cell="${tierCell}"]`).waitFor();
            expect(await overflowing(page), `${lang} grid at 360 px`).toEqual([]);
            await shoot(page, st.kind, lang, '05-apply-grid', { set });
            await page.getByTestId('view-switch').getByRole('tab', { name: t.t('viewPane') }).click();
            await step(page, t, 'stepSummaries');
            await pane(page).getByRole('textbox', { name: t.t('periodLabel') }).fill('2025H2');
            await pane(page).getByRole('button', { name: t.t('summariesButton') }).click();
            await pane(page).getByText(new RegExp(`^${escape(t.t('summariesDone', { period: '2025H2', sheets: '@@' }).split('@@')[0]!)}`)).waitFor({ timeout: 60_000 });
            await check('06-summaries');
            await step(page, t, 'stepHandbook');
            await pane(page).getByRole('button', { name: t.t('handbookButton') }).click();
            await pane(page).getByText(t.t('handbookDone', { sheet: GENERATED_SHEETS.handbook[lang] })).waitFor({ timeout: 60_000 });
            await check('07-handbook');
            await shoot(page, st.kind, lang, '08-page', { set });
            await expectNoAxeProblems(page, `${lang} at 360 px`);
          } finally {
            await close();
          }
        },
        FLOW_TIMEOUT,
      );
    }
    });
  }
});

/**
 * The downloaded workbook: the customer sheet has the tier column in the pane's language, every graded customer
 * holds one of the scheme's tier labels, the counts per tier are what the pane showed, and the user's own cells
 * (every column of every row, and the related sheets) are as they were in the sample.
 */
function checkGraded(
  lang: Lang,
  scheme: Scheme,
  shown: Record<string, number>,
  view: DataView,
  original: Map<string, { rows: CellValue[][] }>,
  graded: Map<string, { rows: CellValue[][] }>,
) {
  const sheet = graded.get(view.customerSheet);
  expect(sheet, view.customerSheet).toBeTruthy();
  const header = sheet!.rows[view.headerRow - 1]!;
  const tierHeader = OUTPUT_COLUMNS.find((c) => c.key === 'tier')!.header[lang];
  const tierCol = headerIndex(header).get(headerKey(tierHeader));
  expect(tierCol, `the ${tierHeader} column`).toBeDefined();
  expect(header[tierCol!]).toBe(tierHeader);
  const labels = new Map(scheme.tiers.map((x) => [x.label[lang], x.id]));
  const counts: Record<string, number> = Object.fromEntries(scheme.tiers.map((x) => [x.id, 0]));
  const strays: string[] = [];
  const body = sheet!.rows.slice(view.headerRow).filter((r) => r[0] !== null && r[0] !== '');
  expect(body.length).toBe(view.customers);
  for (const row of body) {
    const id = labels.get(String(row[tierCol!] ?? ''));
    if (id) counts[id]!++;
    else strays.push(`${row[0]}: ${String(row[tierCol!])}`);
  }
  expect(strays.slice(0, 10), 'customers whose tier is not one of the scheme’s labels').toEqual([]);
  expect(counts).toEqual(shown);

  // The user's cells: every original column of every row, on the customer sheet and on the related sheets.
  for (const [name, before] of original) {
    const after = graded.get(name);
    expect(after, `sheet ${name} kept`).toBeTruthy();
    const width = Math.max(...before.rows.map((r) => r.length));
    expect(after!.rows.length, `rows of ${name}`).toBe(before.rows.length);
    const diffs: string[] = [];
    before.rows.forEach((r, i) => {
      for (let c = 0; c < width; c++) {
        const [a, b] = [r[c] ?? null, after!.rows[i]![c] ?? null];
        if (a !== b) diffs.push(`${name} row ${i + 1} col ${c}: ${String(a)} → ${String(b)}`);
      }
    });
    expect(diffs.slice(0, 10), `cells of ${name} changed`).toEqual([]);
  }
}
