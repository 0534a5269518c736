// The webpack build and the dev server. Two production builds, run side by side: the tests' build with the local
// office.js (what the e2e tests use; reused when fresh), and a CDN build with a production origin into a
// temporary directory.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { generateCertificates } from 'office-addin-dev-certs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialFiles } from '../../bench/taskpane.ts';
import { readBuildInfo, runWebpack } from '../../scripts/build.ts';
import { devCertificates } from '../../scripts/dev-certs.ts';
import { startServer, type RunningServer } from '../../scripts/serve.ts';
import { SCHEMA, hasXmllint, validateFile } from '../../scripts/validate-manifest.ts';
import { ensureBuilt } from '../support/chromium.ts';

const ORIGIN = 'https://tierbook.example.com/app';
const CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'tb-build-'));
const cdnDir = path.join(tmp, 'cdn');
let dist = '';

beforeAll(async () => {
  [dist] = await Promise.all([ensureBuilt('production'), runWebpack({ mode: 'production', officeJs: 'cdn', url: ORIGIN, outDir: cdnDir })]);
}, 300_000);
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const read = (...p: string[]) => readFileSync(path.join(...p), 'utf8');

describe('webpack build', () => {
  it('loads the local office.js first in test builds, with the files it needs beside it', () => {
    const html = read(dist, 'taskpane.html');
    expect(html).toMatch(/<html lang="zh-CN">/);
    expect(html).toMatch(/<meta name="viewport"/);
    expect(html).toMatch(/<div id="root">/);
    const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
    // office.js alone as a tag: the loader adds the bundle (test/e2e/loader.test.ts).
    expect(scripts).toEqual(['office-js/office.js']);
    expect(html).toMatch(/var TIERBOOK_APP = \["vendors\.[0-9a-f]{8}\.js",.*"taskpane\.[0-9a-f]{8}\.js"\]/);
    expect(html).not.toContain(CDN);
    for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'excel-mac-16.00.js', 'o15apptofilemappingtable.js', 'en-us/office_strings.js', 'zh-cn/office_strings.js']) {
      expect(existsSync(path.join(dist, 'office-js', f)), f).toBe(true);
    }
    const copied = readdirSync(path.join(dist, 'office-js'));
    expect(copied.filter((f) => /^(word|outlook|powerpoint)-|\.debug\.js$/.test(f))).toEqual([]);
    expect(readBuildInfo(dist)).toMatchObject({ mode: 'production', officeJs: 'local' });
  });

  it('loads office.js from Microsoft CDN in production and substitutes TIERBOOK_URL in the manifest', () => {
    const html = read(cdnDir, 'taskpane.html');
    expect(html).toContain(`<script src="${CDN}"></script>`);
    expect(existsSync(path.join(cdnDir, 'office-js'))).toBe(false);
    const manifest = read(cdnDir, 'manifest.xml');
    expect(manifest).toContain(`<SourceLocation DefaultValue="${ORIGIN}/taskpane.html"/>`);
    expect(manifest).toContain(`<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="${ORIGIN}/help.html"/>`);
    expect(manifest).not.toContain('localhost');
    expect(read(cdnDir, 'help.html')).toContain(`${ORIGIN}/taskpane.html`);
    const result = validateFile(path.join(cdnDir, 'manifest.xml'));
    expect(result.status, result.messages.join('\n')).toBe(hasXmllint() && existsSync(SCHEMA) ? 'valid' : 'skipped');
  });

  it('keeps localhost in the manifest without TIERBOOK_URL', () => {
    expect(read(dist, 'manifest.xml')).toBe(read(path.resolve(import.meta.dirname, '../../manifest.xml')));
  });

  it('hashes every chunk name and keeps the bundle out of the initial list when lazy', () => {
    const js = readdirSync(dist).filter((f) => f.endsWith('.js'));
    expect(js.every((f) => /\.[0-9a-f]{8}\.js$/.test(f)), js.join(' ')).toBe(true);
    const initial = initialFiles(read(dist, 'taskpane.html'));
    expect(initial.skipped).toEqual(['office-js/office.js']);
    expect(initial.ours.length).toBeGreaterThan(0);
    for (const f of initial.ours) expect(existsSync(path.join(dist, f)), f).toBe(true);
  });

  it('copies the icons and bundles the sample and template workbooks, listed in workbooks.json', () => {
    for (const size of [16, 32, 64, 80, 128]) expect(existsSync(path.join(dist, `assets/icon-${size}.png`))).toBe(true);
    const list = JSON.parse(read(dist, 'assets/workbooks.json')) as { file: string; lang: string; kind: string; title_zh: string; title_en: string }[];
    expect(list.map((b) => `${b.kind} ${b.lang}`).sort()).toEqual(['sample en-US', 'sample zh-CN', 'template en-US', 'template zh-CN']);
    for (const b of list) {
      expect(b.title_zh && b.title_en).toBeTruthy();
      const bytes = readFileSync(path.join(dist, b.file));
      expect(bytes.subarray(0, 2).toString('latin1'), b.file).toBe('PK');
    }
    const template = readFileSync(path.resolve(import.meta.dirname, '../../assets/template/TierBook-模板.xlsx'));
    expect(readFileSync(path.join(dist, 'assets/TierBook-模板.xlsx')).equals(template)).toBe(true);
    expect(read(dist, 'help.html')).toMatch(/旁加载[\s\S]*Sideloading/);
  });
});

describe('dev server', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ dir: dist, port: 0, https: false });
  });
  afterAll(() => server.close());

  it('serves dist/ with the right types and caching, and nothing outside it', async () => {
    expect(server.url).toMatch(/^http:\/\/localhost:\d+$/);
    const page = await fetch(`${server.url}/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('<div id="root">');

    const chunk = initialFiles(read(dist, 'taskpane.html')).ours.find((f) => f.endsWith('.js'))!;
    const js = await fetch(`${server.url}/${chunk}`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    await js.arrayBuffer();

    const types: [string, string][] = [
      ['/office-js/office.js', 'text/javascript; charset=utf-8'],
      ['/assets/workbooks.json', 'application/json; charset=utf-8'],
      ['/manifest.xml', 'application/xml; charset=utf-8'],
      ['/assets/icon-32.png', 'image/png'],
      [`/assets/${encodeURIComponent('TierBook-示例.xlsx')}`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ];
    for (const [p, type] of types) {
      const r = await fetch(`${server.url}${p}`);
      expect(r.status, p).toBe(200);
      expect(r.headers.get('content-type'), p).toBe(type);
      await r.arrayBuffer();
    }
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.headers.get('location')).toBe('/taskpane.html');
    for (const p of ['/nope.html', '/steps/data', '/..%2fpackage.json', '/%2e%2e/package.json', '/assets/']) {
      expect([403, 404], p).toContain((await fetch(`${server.url}${p}`)).status);
    }
    expect((await fetch(`${server.url}/taskpane.html`, { method: 'POST' })).status).toBe(405);
  });

  it('falls back to http, saying why, when the certificates cannot be used', async () => {
    const reason = { zh: '测试：没有证书', en: 'test: no certificates' };
    const fallback = await startServer({ dir: dist, port: 0, https: 'auto', certificates: async () => ({ ok: false, reason }) });
    try {
      expect(fallback.protocol).toBe('http');
      expect(fallback.httpsUnavailable).toEqual(reason);
      expect((await fetch(`${fallback.url}/taskpane.html`)).status).toBe(200);
    } finally {
      await fallback.close();
    }
  });

  it('serves https with the development certificates when they can be used', async () => {
    const dir = path.join(tmp, 'certs');
    // Not trusted by the system (a fresh CA, install disabled): devCertificates says so instead of serving.
    if (process.platform === 'linux') {
      const untrusted = await devCertificates({ dir, install: false });
      expect(untrusted.ok).toBe(false);
    } else {
      await generateCertificates(path.join(dir, 'ca.crt'), path.join(dir, 'localhost.crt'), path.join(dir, 'localhost.key'));
    }
    const [ca, cert, key] = ['ca.crt', 'localhost.crt', 'localhost.key'].map((f) => readFileSync(path.join(dir, f)));
    const secure = await startServer({ dir: dist, port: 0, https: 'auto', certificates: async () => ({ ok: true, ca: ca!, cert: cert!, key: key!, dir }) });
    try {
      expect(secure.url).toMatch(/^https:\/\/localhost:\d+$/);
      const status = await new Promise<number | undefined>((resolve, reject) => {
        https.get(`${secure.url}/taskpane.html`, { ca }, (res) => {
          res.resume();
          resolve(res.statusCode);
        }).on('error', reject);
      });
      expect(status).toBe(200);
    } finally {
      await secure.close();
    }
  });
});
