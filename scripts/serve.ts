// `npm start`: build dist/ in development mode when it is stale, then serve it on https://localhost:3000 (the
// origin manifest.xml names) with office-addin-dev-certs' certificates. When they cannot be installed, say why
// and serve http://localhost:3000: the standalone page works there, Excel does not (add-ins need https).
//
//   npm start [-- --http] [-- --port N] [-- --no-build]      (PORT=N works too)
//
// startServer() is also what tests and the bench use to serve dist/ on a random port over http.
// A plain static server (node:http / node:https): no SPA fallback, no directory listings.
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DIST, ROOT, ensureBuilt, staleReason } from './build.ts';
import { devCertificates, type Bilingual, type CertResult } from './dev-certs.ts';

export const DEFAULT_PORT = 3000;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.gif': 'image/gif',
  '.jpg': 'image/jpeg',
  '.woff2': 'font/woff2',
};

export function mimeType(file: string): string {
  return MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** HTML is never cached (it names the current chunks); content-hashed files are cached for good. */
export function cacheControl(file: string): string {
  if (file.endsWith('.html')) return 'no-store';
  if (/\.[0-9a-f]{8}\.(js|css|wasm)$/.test(file)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

export interface ServerOptions {
  dir: string;
  /** 0 picks a free port. Default 3000. */
  port?: number;
  /** Default localhost. */
  host?: string;
  /** false: http. 'auto': https with the development certificates, else http with the reason. Default false. */
  https?: false | 'auto';
  /** Where 'auto' gets its certificates (default devCertificates()); tests pass their own. */
  certificates?: () => Promise<CertResult>;
}

export interface RunningServer {
  url: string;
  protocol: 'http' | 'https';
  port: number;
  /** Set when https was asked for and could not be used. */
  httpsUnavailable?: Bilingual;
  close(): Promise<void>;
}

function handler(root: string): http.RequestListener {
  return (req, res) => {
    const send = (status: number, text: string, headers: http.OutgoingHttpHeaders = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return send(400, 'Bad Request');
    }
    if (pathname === '/') return send(302, 'Found', { Location: '/taskpane.html' });
    const file = path.join(root, path.normalize(pathname));
    if (pathname.includes('\0') || (file !== root && !file.startsWith(root + path.sep))) return send(403, 'Forbidden');
    let st;
    try {
      st = statSync(file);
    } catch {
      return send(404, `Not Found: ${pathname}`);
    }
    if (!st.isFile()) return send(404, `Not Found: ${pathname}`);
    res.writeHead(200, {
      'Content-Type': mimeType(file),
      'Content-Length': st.size,
      'Cache-Control': cacheControl(file),
      'Last-Modified': st.mtime.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  };
}

/** Serve `dir` as static files. Resolves once listening. */
export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const root = path.resolve(opts.dir);
  const host = opts.host ?? 'localhost';
  let tls: { key: Buffer; cert: Buffer } | null = null;
  let httpsUnavailable: Bilingual | undefined;
  if (opts.https === 'auto') {
    const certs = await (opts.certificates ?? (() => devCertificates()))();
    if (certs.ok) tls = { key: certs.key, cert: certs.cert };
    else httpsUnavailable = certs.reason;
  }
  const server = tls ? https.createServer(tls, handler(root)) : http.createServer(handler(root));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const protocol = tls ? 'https' : 'http';
  return {
    url: `${protocol}://localhost:${port}`,
    protocol,
    port,
    ...(httpsUnavailable ? { httpsUnavailable } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sideloadHelp(url: string, protocol: 'http' | 'https', forcedHttp: boolean): string {
  const manifest = path.join(ROOT, 'manifest.xml');
  const lines = [
    '',
    `独立页面（浏览器）/ Standalone page (any browser):  ${url}/taskpane.html`,
    `帮助 / Help:  ${url}/help.html`,
    '',
    `在 Excel 中旁加载 / Sideload into Excel — manifest: ${manifest}`,
    '  Excel 网页版 / Excel on the web:',
    '    插入 → 加载项 → 上传我的加载项 → 选择 manifest.xml',
    '    Insert → Add-ins → Upload My Add-in → choose manifest.xml',
    '  Windows 版 Excel / Excel on Windows (shared-folder catalog):',
    '    把 manifest.xml 放进共享文件夹；文件 → 选项 → 信任中心 → 信任中心设置 → 受信任的加载项目录：添加 \\\\电脑名\\共享名，勾选“显示在菜单中”；重启 Excel → 插入 → 我的加载项 → 共享文件夹',
    '    Put manifest.xml in a shared folder; File → Options → Trust Center → Trust Center Settings → Trusted Add-in Catalogs: add \\\\machine\\share, tick "Show in Menu"; restart Excel → Insert → My Add-ins → Shared Folder',
    '  Mac 版 Excel / Excel on Mac:',
    '    mkdir -p ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef',
    `    cp ${manifest} ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/`,
    '    重启 Excel → 插入 → 加载项 → 我的加载项 / restart Excel → Insert → Add-ins → My Add-ins',
  ];
  if (protocol === 'http') {
    lines.push('', `注意：当前是 http，Excel 只加载 https 的加载项；${forcedHttp ? '去掉 --http 即可使用 https。' : '以上旁加载步骤需要 https 证书可用后才能生效。'}`);
    lines.push(`Note: this is http; Excel loads add-ins over https only${forcedHttp ? ': run without --http for https.' : ', so sideloading works once the certificates can be installed.'}`);
  } else if (!url.endsWith(`:${DEFAULT_PORT}`)) {
    lines.push('', `注意：manifest.xml 指向端口 ${DEFAULT_PORT}，而当前端口不同 / Note: manifest.xml points at port ${DEFAULT_PORT}, not this port.`);
  }
  lines.push('', '按 Ctrl+C 停止 / Ctrl+C to stop.');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { http: { type: 'boolean' }, port: { type: 'string' }, 'no-build': { type: 'boolean' } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\nusage: npm start [-- --http] [-- --port N] [-- --no-build]`);
    return 2;
  }
  const portText = values.port ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error(`端口无效 / invalid port: ${portText}`);
    return 2;
  }
  if (!values['no-build']) {
    const why = staleReason({ mode: 'development' });
    if (why) {
      console.log(`构建中（开发模式）/ building (development): ${why} …`);
      const t0 = Date.now();
      try {
        await ensureBuilt({ mode: 'development' });
      } catch (e) {
        console.error(`构建失败 / build failed:\n${(e as Error).message}`);
        return 1;
      }
      console.log(`已构建 / built dist/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    }
  } else if (!existsSync(path.join(DIST, 'taskpane.html'))) {
    console.error('dist/ 没有构建结果，请先运行 npm run build:dev / dist/ holds no build: run npm run build:dev first.');
    return 1;
  }
  let server: RunningServer;
  try {
    server = await startServer({ dir: DIST, port, https: values.http ? false : 'auto' });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') {
      console.error(`端口 ${port} 已被占用（另一个 npm start 还在运行？）。可用 --port N 换端口，但 Excel 的 manifest.xml 指向 ${DEFAULT_PORT}。`);
      console.error(`Port ${port} is in use (is another npm start running?). --port N picks another, but manifest.xml points Excel at ${DEFAULT_PORT}.`);
      return 1;
    }
    throw e;
  }
  if (server.httpsUnavailable) {
    const r = server.httpsUnavailable;
    console.warn(`\n无法安装 https 证书：${r.zh}。\n现改用 ${server.url} 提供服务：独立页面可以使用，但 Excel 无法加载（加载项需要 https）。`);
    console.warn(`Could not install the https certificates: ${r.en}.\nServing ${server.url} instead: the standalone page works there, Excel cannot load it (add-ins need https).`);
  }
  console.log(`\nTierBook 正在运行 / TierBook is serving dist/ at ${server.url}`);
  console.log(sideloadHelp(server.url, server.protocol, values.http === true));
  // Stop cleanly on Ctrl+C or a supervisor's TERM; stdin is never read, so a missing TTY is fine.
  await new Promise<void>((resolve) => {
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => resolve());
  });
  await server.close();
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = await main(process.argv.slice(2));
