// What the webpack build adds beside the task pane bundle (webpack.config.js loads this file through tsx):
// the bundled workbooks and their list for the page's "open the sample" menu, the production manifest and the
// bilingual help page that the manifest's SupportUrl and LearnMoreUrl name.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../src/core/index.ts';
import { sampleWorkbook } from './sample-workbook.ts';
import { DEV_ORIGIN, productionManifest } from './validate-manifest.ts';

export { DEV_ORIGIN, productionManifest };

const ROOT = path.resolve(import.meta.dirname, '..');

/** One entry of dist/assets/workbooks.json; `file` is relative to taskpane.html. */
export interface BundledWorkbookEntry {
  file: string;
  lang: Lang;
  kind: 'sample' | 'template';
  title_zh: string;
  title_en: string;
}

export interface BundledWorkbook extends BundledWorkbookEntry {
  bytes: Uint8Array;
}

/** Customers in the generated sample: enough for a real tier mix, small enough to fetch at once (~350 KB). */
export const SAMPLE_CUSTOMERS = 1000;

/** The committed templates (assets/template) and the generated sample, one of each per language. */
export function bundledWorkbooks(): BundledWorkbook[] {
  const template = (file: string, lang: Lang): BundledWorkbook => ({
    file: `assets/${file}`,
    lang,
    kind: 'template',
    title_zh: lang === 'zh-CN' ? '空白模板（中文，含 20 行示例）' : '空白模板（英文，含 20 行示例）',
    title_en: lang === 'zh-CN' ? 'Blank template (Chinese, 20 example rows)' : 'Blank template (English, 20 example rows)',
    bytes: readFileSync(path.join(ROOT, 'assets/template', file)),
  });
  const sample = (file: string, lang: Lang): BundledWorkbook => ({
    file: `assets/${file}`,
    lang,
    kind: 'sample',
    title_zh: `示例客户（${lang === 'zh-CN' ? '中文' : '英文'}，${SAMPLE_CUSTOMERS.toLocaleString('en-US')} 位客户，含订单、互动和满意度）`,
    title_en: `Sample customers (${lang === 'zh-CN' ? 'Chinese' : 'English'}, ${SAMPLE_CUSTOMERS.toLocaleString('en-US')} customers with orders, interactions and satisfaction)`,
    // Same generator and seed as `npm run build:sample`, so the page and the CLI see the same customers.
    bytes: sampleWorkbook({ customers: SAMPLE_CUSTOMERS, seed: 1, lang }),
  });
  return [
    sample('TierBook-示例.xlsx', 'zh-CN'),
    sample('TierBook-sample.xlsx', 'en-US'),
    template('TierBook-模板.xlsx', 'zh-CN'),
    template('TierBook-template.xlsx', 'en-US'),
  ];
}

export function workbooksJson(books: BundledWorkbookEntry[]): string {
  return JSON.stringify(
    books.map(({ file, lang, kind, title_zh, title_en }) => ({ file, lang, kind, title_zh, title_en })),
    null,
    2,
  );
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** dist/help.html: static, no script, both languages on one page. `origin` is where the add-in is served. */
export function helpPage(origin: string): string {
  const o = escapeHtml(origin.replace(/\/+$/, ''));
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TierBook 帮助 · Help</title>
<style>
  body { font: 15px/1.6 "Segoe UI", "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #242424; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #e0e0e0; }
  code { background: #f5f5f5; padding: 0 .25rem; border-radius: 3px; }
  section + section { margin-top: 3rem; }
  @media (prefers-color-scheme: dark) { body { background: #1f1f1f; color: #e6e6e6; } code { background: #333; } }
</style>
</head>
<body>
<nav><a href="#zh">中文</a> · <a href="#en" hreflang="en">English</a></nav>

<section id="zh">
<h1>TierBook 客户分级</h1>
<p>TierBook 在 Excel 里按可配置的阈值（年度消费金额、购买频次、合作年限、毛利、满意度等）为客户评定等级，
附上各级权益与服务频率，写出每位客户的评级依据和距下一级的差距，并生成等级分布、等级变动、流失分析和客户等级管理手册。</p>
<p>打开任务窗格：<strong>开始</strong> 选项卡 → <strong>客户分级</strong>。按步骤操作：数据 → 规则 → 预览 → 应用 → 汇总 → 手册，每一步都可以返回。</p>
<p>没有 Excel 也可以使用：在浏览器中打开 <a href="${o}/taskpane.html">${o}/taskpane.html</a>，打开 .xlsx 或 .csv 文件（或内置的示例、模板），评级后下载结果工作簿。</p>
<h2>旁加载（开发与试用）</h2>
<ul>
  <li><strong>Excel 网页版</strong>：插入 → 加载项 → 上传我的加载项 → 选择 <code>manifest.xml</code>。</li>
  <li><strong>Windows 版 Excel</strong>：把 <code>manifest.xml</code> 放进一个共享文件夹；文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录，
    添加该共享文件夹的网络路径（如 <code>\\\\电脑名\\共享名</code>）并勾选“显示在菜单中”；重启 Excel，然后 插入 → 我的加载项 → 共享文件夹 → TierBook。</li>
  <li><strong>Mac 版 Excel</strong>：把 <code>manifest.xml</code> 复制到 <code>~/Library/Containers/com.microsoft.Excel/Data/Documents/wef</code>（没有就新建），
    重启 Excel，然后 插入 → 加载项 → 我的加载项 → TierBook。</li>
</ul>
<h2>支持的 Excel 版本</h2>
<ul>
  <li>Windows 版 Microsoft 365（版本 2101 或更高），并已安装 Microsoft Edge WebView2 运行时（Windows 11 自带；否则从
    <a href="https://developer.microsoft.com/microsoft-edge/webview2/">developer.microsoft.com/microsoft-edge/webview2</a> 安装）</li>
  <li>Windows 版 Excel 2021、Excel 2024 或更高版本</li>
  <li>Mac 版 Excel（Microsoft 365 或 2019 及以上），macOS 12.3 或更高（Safari 15.4 或更高）</li>
  <li>Excel 网页版（新版 Edge、Chrome、Firefox，或 Safari 15.4 及以上）</li>
</ul>
<p>Windows 版 Excel 2016 和 Excel 2019（非订阅版）用 Internet Explorer 11 或旧版 Edge 显示加载项，无法运行 TierBook：
任务窗格会说明需要哪个版本，而不是一直停在“正在加载”。加载项需要 Excel API 1.8，权限为读写当前文档。</p>
</section>

<section id="en" lang="en">
<h1>TierBook — customer tiers in Excel</h1>
<p>TierBook grades customers into tiers by configurable thresholds (annual spend, purchase frequency, cooperation years,
margin, satisfaction and more), attaches each tier's benefits and service cadence, explains every grade and the gap to
the next tier, and builds the tier mix, tier movement and churn summaries and the tier-management handbook.</p>
<p>Open the task pane: <strong>Home</strong> tab → <strong>Grade customers</strong>. Follow the steps: Data → Rules → Preview → Apply →
Summaries → Handbook; you can always go back.</p>
<p>Without Excel: open <a href="${o}/taskpane.html">${o}/taskpane.html</a> in a browser, open an .xlsx or .csv file (or the bundled
sample or template), grade it and download the graded workbook.</p>
<h2>Sideloading (development and trials)</h2>
<ul>
  <li><strong>Excel on the web</strong>: Insert → Add-ins → Upload My Add-in → choose <code>manifest.xml</code>.</li>
  <li><strong>Excel on Windows</strong>: put <code>manifest.xml</code> in a shared folder; File → Options → Trust Center → Trust Center Settings →
    Trusted Add-in Catalogs, add the share's network path (e.g. <code>\\\\machine\\share</code>) and tick "Show in Menu"; restart Excel, then
    Insert → My Add-ins → Shared Folder → TierBook.</li>
  <li><strong>Excel on Mac</strong>: copy <code>manifest.xml</code> into <code>~/Library/Containers/com.microsoft.Excel/Data/Documents/wef</code>
    (create it if missing), restart Excel, then Insert → Add-ins → My Add-ins → TierBook.</li>
</ul>
<h2>Supported Excel versions</h2>
<ul>
  <li>Microsoft 365 on Windows (Version 2101 or later) with the Microsoft Edge WebView2 Runtime (part of Windows 11; else install it from
    <a href="https://developer.microsoft.com/microsoft-edge/webview2/">developer.microsoft.com/microsoft-edge/webview2</a>)</li>
  <li>Excel 2021, Excel 2024 or later on Windows</li>
  <li>Excel for Mac (Microsoft 365, or 2019 and later) on macOS 12.3 or later (Safari 15.4 or later)</li>
  <li>Excel on the web (current Edge, Chrome, Firefox, or Safari 15.4 and later)</li>
</ul>
<p>Excel 2016 and Excel 2019 on Windows (one-time purchase) show add-ins in Internet Explorer 11 or the old Edge and cannot run
TierBook: the task pane says which version is needed instead of staying on "Loading". The add-in needs Excel API 1.8 and the
permission to read and write the open workbook.</p>
</section>
</body>
</html>
`;
}
