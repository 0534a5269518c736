// https for `npm start`: office-addin-dev-certs' certificates (the ones Yo Office projects use, in
// ~/.office-addin-dev-certs), with their CA trusted by the system.
//
// On Linux the package installs its CA with `sudo sh install_linux.sh`, which fails where sudo is missing (a
// root shell in a container) and waits for a password where it is not. So on Linux we do what that script does
// ourselves, without ever prompting: generate with the package, then copy the CA into the system store and run
// update-ca-certificates (or update-ca-trust) directly as root, or through `sudo -n` otherwise. On Windows and
// macOS the package's own installer runs (it asks through the system's dialog, as in any Yo Office project).
import { spawnSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Bilingual {
  zh: string;
  en: string;
}

export type CertResult =
  | { ok: true; key: Buffer; cert: Buffer; ca: Buffer; dir: string }
  | { ok: false; reason: Bilingual };

export interface DevCertOptions {
  /** Default ~/.office-addin-dev-certs (the package's). */
  dir?: string;
  /** Install the CA into the system store when it is not trusted yet (default true). */
  install?: boolean;
}

const DAY = 86_400_000;
const fail = (zh: string, en: string): CertResult => ({ ok: false, reason: { zh, en } });

function files(dir: string) {
  return { ca: path.join(dir, 'ca.crt'), cert: path.join(dir, 'localhost.crt'), key: path.join(dir, 'localhost.key') };
}

/** Why the certificate files in `dir` cannot serve https://localhost, or null when they can. */
export function certificateProblem(dir: string): string | null {
  const f = files(dir);
  if (![f.ca, f.cert, f.key].every((p) => existsSync(p))) return 'missing';
  try {
    const ca = new X509Certificate(readFileSync(f.ca));
    const cert = new X509Certificate(readFileSync(f.cert));
    const key = createPrivateKey(readFileSync(f.key));
    for (const [name, c] of [['CA', ca], ['localhost', cert]] as const) {
      if (Date.parse(c.validTo) - Date.now() < DAY) return `the ${name} certificate expires ${c.validTo}`;
    }
    if (!cert.verify(ca.publicKey)) return 'the localhost certificate is not signed by the CA';
    if (!cert.checkPrivateKey(key)) return 'the key does not match the localhost certificate';
    if (!cert.checkHost('localhost')) return 'the certificate is not for localhost';
    return null;
  } catch (e) {
    return `unreadable: ${(e as Error).message}`;
  }
}

/** Where office-addin-dev-certs' install_linux.sh puts the CA, and the command that rebuilds the trust store. */
function linuxStore(): { file: string; command: string } | null {
  if (existsSync('/usr/sbin/update-ca-certificates')) {
    return { file: '/usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt', command: '/usr/sbin/update-ca-certificates' };
  }
  if (existsSync('/usr/sbin/update-ca-trust')) {
    return { file: '/etc/ca-certificates/trust-source/anchors/office-addin-dev-certs-ca.crt', command: '/usr/sbin/update-ca-trust' };
  }
  return null;
}

function linuxTrusted(caFile: string): boolean {
  const store = linuxStore();
  if (!store || !existsSync(store.file)) return false;
  return readFileSync(store.file, 'utf8').trim() === readFileSync(caFile, 'utf8').trim();
}

function which(cmd: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, cmd);
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      /* not here */
    }
  }
  return null;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Copy the CA into the system store and rebuild it; null on success, else why not. */
function linuxInstall(caFile: string): Bilingual | null {
  const store = linuxStore();
  if (!store) {
    return {
      zh: '系统中没有 update-ca-certificates 或 update-ca-trust（Debian/Ubuntu：apt-get install ca-certificates）',
      en: 'the system has neither update-ca-certificates nor update-ca-trust (Debian/Ubuntu: apt-get install ca-certificates)',
    };
  }
  const run = (cmd: string, args: string[]) =>
    spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', timeout: 120_000 });
  if (process.getuid?.() === 0) {
    try {
      mkdirSync(path.dirname(store.file), { recursive: true });
      copyFileSync(caFile, store.file);
    } catch (e) {
      return { zh: `无法写入 ${store.file}：${(e as Error).message}`, en: `cannot write ${store.file}: ${(e as Error).message}` };
    }
    const r = run(store.command, []);
    if (r.status === 0) return null;
    const out = (r.error?.message ?? `${r.stderr}${r.stdout}`).trim();
    return { zh: `${store.command} 失败：${out}`, en: `${store.command} failed: ${out}` };
  }
  // Not root: sudo only if it needs no password (-n); a prompt would hang a non-interactive start.
  const sudo = which('sudo');
  if (!sudo) return { zh: '当前用户不是 root，且系统中没有 sudo', en: 'not running as root, and sudo is not installed' };
  const script = `mkdir -p ${shellQuote(path.dirname(store.file))} && cp ${shellQuote(caFile)} ${shellQuote(store.file)} && ${store.command}`;
  const r = run(sudo, ['-n', 'sh', '-c', script]);
  if (r.status === 0) return null;
  const out = (r.error?.message ?? r.stderr).trim();
  return {
    zh: `sudo 需要密码或被拒绝（${out}）。请在终端运行 npx office-addin-dev-certs install 输入密码安装证书，然后重新运行 npm start`,
    en: `sudo needs a password or was refused (${out}). Run npx office-addin-dev-certs install in a terminal (it asks for the password), then npm start again`,
  };
}

/**
 * The localhost certificate and key, with their CA trusted; generated and installed when needed.
 * Never prompts; on failure says why, in both languages.
 */
export async function devCertificates(opts: DevCertOptions = {}): Promise<CertResult> {
  const dir = opts.dir ?? path.join(os.homedir(), '.office-addin-dev-certs');
  const f = files(dir);
  const devCerts = await import('office-addin-dev-certs');
  if (process.platform === 'win32' || process.platform === 'darwin') {
    if (opts.dir) return fail('只有 Linux 支持自定义证书目录', 'a certificate directory other than the default is supported on Linux only');
    try {
      if (!devCerts.verifyCertificates()) {
        if (opts.install === false) return fail('开发证书未安装', 'the development certificates are not installed');
        await devCerts.ensureCertificatesAreInstalled();
      }
    } catch (e) {
      return fail(`office-addin-dev-certs 无法安装证书：${(e as Error).message}`, `office-addin-dev-certs could not install the certificates: ${(e as Error).message}`);
    }
  } else if (process.platform === 'linux') {
    const problem = certificateProblem(dir);
    if (problem) {
      // generateCertificates leaves existing files alone: start from an empty set.
      for (const p of Object.values(f)) rmSync(p, { force: true });
      try {
        await devCerts.generateCertificates(f.ca, f.cert, f.key);
      } catch (e) {
        return fail(`无法生成证书：${(e as Error).message}`, `could not generate the certificates: ${(e as Error).message}`);
      }
      const still = certificateProblem(dir);
      if (still) return fail(`生成的证书不可用：${still}`, `the generated certificates are unusable: ${still}`);
    }
    if (!linuxTrusted(f.ca)) {
      if (opts.install === false) return fail('开发证书的 CA 未被系统信任', 'the development CA is not trusted by the system');
      const why = linuxInstall(f.ca);
      if (why) return { ok: false, reason: { zh: `无法把开发证书的 CA 安装到系统：${why.zh}`, en: `could not install the development CA into the system store: ${why.en}` } };
    }
  } else {
    return fail(`不支持的平台 ${process.platform}`, `platform ${process.platform} is not supported`);
  }
  return { ok: true, key: readFileSync(f.key), cert: readFileSync(f.cert), ca: readFileSync(f.ca), dir };
}
