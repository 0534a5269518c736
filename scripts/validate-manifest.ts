// Validate the add-in manifest offline, and make the production manifest.
//
//   npm run validate                      manifest.xml against ../shared/office-manifest-xsd (xmllint), plus
//                                         checks the schema cannot make: every resid defined, icons present at
//                                         their sizes, ExcelApi 1.8, Workbook, ReadWriteDocument and nothing more.
//   node --import tsx scripts/validate-manifest.ts --origin https://tierbook.example.com --out dist/manifest.xml
//                                         the production manifest: the development origin https://localhost:3000
//                                         (the placeholder) replaced by the deployed origin, then validated.
//
// Exit codes: 0 valid; 1 invalid; 2 could not validate (xmllint or ../shared/office-manifest-xsd missing —
// said plainly; `apt-get install libxml2-utils` gives xmllint).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const DEV_ORIGIN = 'https://localhost:3000';
export const SCHEMA = path.resolve(ROOT, '../shared/office-manifest-xsd/OfficeAppManifestV1_1.xsd');

export interface Validation {
  status: 'valid' | 'invalid' | 'skipped';
  messages: string[];
}

export function hasXmllint(): boolean {
  return spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** xmllint against the shared schema: skipped (with the reason) when xmllint or the schema is missing. */
export function schemaCheck(file: string): Validation {
  if (!hasXmllint()) return { status: 'skipped', messages: ['xmllint is not installed (Debian package libxml2-utils): the manifest was NOT validated against the schema.'] };
  if (!existsSync(SCHEMA)) return { status: 'skipped', messages: [`the schema ${SCHEMA} is missing (../shared/office-manifest-xsd): the manifest was NOT validated against the schema.`] };
  const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
  const out = `${r.stdout}${r.stderr}`.trim();
  return r.status === 0 ? { status: 'valid', messages: [out] } : { status: 'invalid', messages: [out || `xmllint exited with ${r.status}`] };
}

function pngSize(file: string): [number, number] | null {
  const b = readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47) return null;
  return [b.readUInt32BE(16), b.readUInt32BE(20)];
}

/** What the schema does not check: references, icons, requirements, permissions, the origin in use. */
export function contentCheck(source: string, assetsDir = path.join(ROOT, 'assets')): string[] {
  const problems: string[] = [];
  const xml = source.replace(/<!--[\s\S]*?-->/g, '');
  const defined = new Set([...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]!));
  for (const m of xml.matchAll(/resid="([^"]+)"/g)) if (!defined.has(m[1]!)) problems.push(`resid "${m[1]}" is not defined in <Resources>`);
  if (!/<Host Name="Workbook"\s*\/>/.test(xml)) problems.push('the add-in must declare <Host Name="Workbook"/>');
  if (!/<Set Name="ExcelApi" MinVersion="1\.8"\s*\/>/.test(xml)) problems.push('the add-in must require ExcelApi 1.8');
  const perms = /<Permissions>([^<]*)<\/Permissions>/.exec(xml)?.[1];
  if (perms !== 'ReadWriteDocument') problems.push(`permissions must be ReadWriteDocument and nothing more (found ${perms ?? 'none'})`);
  if (!/<OfficeTab id="TabHome">/.test(xml) || !/<Action xsi:type="ShowTaskpane">/.test(xml)) problems.push('a Home-tab button opening the task pane is missing');
  for (const key of ['DisplayName', 'Description']) if (!new RegExp(`<${key} [^>]*>\\s*<Override Locale="zh-CN"`).test(xml)) problems.push(`<${key}> has no zh-CN override`);
  // Icons: every image URL names a PNG in assets/ of the size it claims.
  const images = [...xml.matchAll(/<bt:Image id="([^"]+)" DefaultValue="([^"]+)"/g), ...xml.matchAll(/<(?:IconUrl|HighResolutionIconUrl) DefaultValue="([^"]+)"/g)];
  for (const m of images) {
    const url = m[2] ?? m[1]!;
    const name = /\/assets\/(icon-(\d+)\.png)$/.exec(url);
    if (!name) {
      problems.push(`image ${url} is not one of assets/icon-<size>.png`);
      continue;
    }
    const file = path.join(assetsDir, name[1]!);
    const size = existsSync(file) ? pngSize(file) : null;
    if (!size) problems.push(`icon ${name[1]} is missing from assets/ (run scripts/make-icons.ts)`);
    else if (size[0] !== Number(name[2]) || size[1] !== Number(name[2])) problems.push(`icon ${name[1]} is ${size[0]}×${size[1]} px`);
  }
  const origins = new Set([...xml.matchAll(/https:\/\/[^/"<]+/g)].map((m) => m[0]));
  if (origins.size !== 1) problems.push(`every URL should share one origin, found: ${[...origins].join(', ')}`);
  return problems;
}

/** The production manifest: the development origin replaced everywhere by `origin`. */
export function productionManifest(xml: string, origin: string): string {
  const o = origin.replace(/\/+$/, '');
  if (!/^https:\/\/[^/\s"<>]+(\/[^\s"<>]*)?$/.test(o)) throw new Error(`the production origin must be an https URL, got "${origin}"`);
  return xml.split(DEV_ORIGIN).join(o);
}

export function validateFile(file: string): Validation {
  const xml = readFileSync(file, 'utf8');
  const problems = contentCheck(xml);
  const schema = schemaCheck(file);
  if (problems.length) return { status: 'invalid', messages: [...problems, ...schema.messages] };
  return schema;
}

function main(argv: string[]): number {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const origin = arg('--origin');
  const out = arg('--out');
  let file = path.resolve(ROOT, argv.find((a, i) => !a.startsWith('--') && !['--origin', '--out'].includes(argv[i - 1] ?? '')) ?? 'manifest.xml');
  if (origin) {
    const target = path.resolve(out ?? path.join(ROOT, 'dist/manifest.xml'));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, productionManifest(readFileSync(file, 'utf8'), origin));
    console.log(`written: ${path.relative(process.cwd(), target)} (origin ${origin})`);
    file = target;
  }
  const result = validateFile(file);
  const label = path.relative(process.cwd(), file);
  if (result.status === 'valid') {
    console.log(`${label}: valid (schema ${path.relative(process.cwd(), SCHEMA)}, references, icons, requirements, permissions)`);
    return 0;
  }
  if (result.status === 'skipped') {
    console.error(`${label}: NOT VALIDATED — ${result.messages.join(' ')}`);
    return 2;
  }
  console.error(`${label}: INVALID\n${result.messages.map((m) => `  ${m}`).join('\n')}`);
  return 1;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(main(process.argv.slice(2)));
