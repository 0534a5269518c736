// Real Chromium for end-to-end tests and the bench: Debian's /usr/bin/chromium driven by playwright-core (no
// browser download works here). CI installs it (`apt-get install chromium`); without it the e2e tests skip with
// a visible message.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import path from 'node:path';
import { DIST, ROOT, ensureBuilt as ensureBuiltWith, type BuildMode } from '../../scripts/build.ts';

export const CHROMIUM_PATH = process.env.TIERBOOK_CHROMIUM ?? '/usr/bin/chromium';

/** Quiet, offline, reproducible: no GPU, no background traffic, no component or sync updates, no QUIC. */
export const CHROMIUM_ARGS = [
  '--no-sandbox', // we run as root in containers, where Chromium's sandbox cannot start
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Headless Chromium. chromium.launch gives every browser a fresh temporary profile (--user-data-dir), removed on
 * close(), so runs never share a cache or storage.
 */
export async function launchChromium(opts: { headless?: boolean } = {}): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: opts.headless ?? true, args: CHROMIUM_ARGS });
}

/**
 * Where the tests' production build goes. Not dist/: that is `npm start`'s development build, which the
 * end-to-end tests serve through `npm start` itself; one directory per mode lets both be reused from run to run.
 */
export const TEST_PRODUCTION_DIST = path.join(ROOT, 'test-artifacts/dist-production');

/**
 * A build in `mode` with the local office.js (the CDN is unreachable in tests), production into
 * TEST_PRODUCTION_DIST and development into dist/ unless `outDir` says otherwise: rebuilt only when stale, and
 * safe from parallel test files (one builds, the others wait). Returns the output directory.
 */
export function ensureBuilt(mode: BuildMode = 'production', opts: { outDir?: string } = {}): Promise<string> {
  return ensureBuiltWith({ mode, officeJs: 'local', outDir: opts.outDir ?? (mode === 'production' ? TEST_PRODUCTION_DIST : DIST) });
}
