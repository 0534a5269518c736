// The add-in manifest: validated against the shared schema with xmllint (when both are here), plus the checks
// the schema cannot make; the production manifest differs only by origin; the icons are what the script draws.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, drawIcon } from '../../../scripts/make-icons.ts';
import { DEV_ORIGIN, ROOT, SCHEMA, contentCheck, hasXmllint, productionManifest, schemaCheck, validateFile } from '../../../scripts/validate-manifest.ts';

const MANIFEST = path.join(ROOT, 'manifest.xml');
const canValidate = hasXmllint() && existsSync(SCHEMA);
if (!canValidate)
  console.warn(
    `manifest schema validation skipped: ${hasXmllint() ? '' : 'xmllint is not installed (apt-get install libxml2-utils). '}${existsSync(SCHEMA) ? '' : `${SCHEMA} is missing.`} The content checks still run.`,
  );

describe('manifest.xml', () => {
  it.skipIf(!canValidate)('validates against OfficeAppManifestV1_1.xsd (xmllint, offline)', () => {
    expect(schemaCheck(MANIFEST)).toMatchObject({ status: 'valid' });
    expect(validateFile(MANIFEST).status).toBe('valid');
  });

  it('references only defined resources, icons at their sizes, Workbook, ExcelApi 1.8, ReadWriteDocument, zh-CN overrides', () => {
    const xml = readFileSync(MANIFEST, 'utf8');
    expect(contentCheck(xml)).toEqual([]);
    expect(xml).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(xml).toMatch(/<bt:String id="Button\.Label" DefaultValue="[^"]+">\s*<bt:Override Locale="zh-CN"/);
    // A broken reference and a wider permission are caught.
    expect(contentCheck(xml.replace('resid="Button.Tooltip"', 'resid="Nope"'))).toContain('resid "Nope" is not defined in <Resources>');
    expect(contentCheck(xml.replace('>ReadWriteDocument<', '>ReadWriteMailbox<')).join()).toMatch(/ReadWriteDocument and nothing more/);
  });

  it('the production manifest swaps the development origin everywhere, and still validates', () => {
    const xml = readFileSync(MANIFEST, 'utf8');
    const prod = productionManifest(xml, 'https://tierbook.example.com/');
    expect(prod).not.toContain(DEV_ORIGIN);
    expect(prod).toContain('<SourceLocation DefaultValue="https://tierbook.example.com/taskpane.html"/>');
    expect(() => productionManifest(xml, 'http://insecure.example.com')).toThrow(/https/);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-manifest-'));
    writeFileSync(path.join(dir, 'manifest.xml'), prod);
    expect(contentCheck(prod)).toEqual([]);
    if (canValidate) expect(schemaCheck(path.join(dir, 'manifest.xml')).status).toBe('valid');
  });

  it('the icons in assets/ are the ones scripts/make-icons.ts draws', () => {
    for (const size of ICON_SIZES) expect(Buffer.from(readFileSync(path.join(ROOT, 'assets', `icon-${size}.png`))).equals(Buffer.from(drawIcon(size))), `icon-${size}.png`).toBe(true);
  });
});
