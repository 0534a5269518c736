// Writes docs/excel-requirement-sets.md: every Excel / Office API member the Office host (src/hosts/office) and the
// pane's Office start-up (src/taskpane) use, the requirement set @types/office-js notes for it ("[Api set:
// ExcelApi 1.x]"), and what TierBook does where the set is missing. Found with the TypeScript checker (each
// property access and call resolved to its declaration in @types/office-js), so the table follows the code and
// the typings; test/build/requirement-sets.test.ts regenerates it and fails when docs/ differ.
//
//   node --import tsx scripts/requirement-sets.ts          write docs/excel-requirement-sets.md
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DOC = path.join(ROOT, 'docs/excel-requirement-sets.md');
const TYPES = path.join('node_modules', '@types', 'office-js', 'index.d.ts');
const SOURCES = ['src/hosts/office', 'src/taskpane/index.tsx', 'src/taskpane/excel-pane.tsx'];

/** The manifest's minimum: Office does not offer TierBook where ExcelApi is older than this. */
function manifestMinimum(): string {
  const m = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\s*\/>/.exec(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'));
  if (!m) throw new Error('manifest.xml names no ExcelApi MinVersion');
  return m[1]!;
}

/**
 * What the host does without a set above the manifest's minimum, by member. A member newer than the minimum
 * without an entry here fails the generation: say what happens (and guard it in the code) first.
 */
const WHERE_MISSING: Record<string, string> = {
  'Excel.RunOptions.delayForCellEdit':
    'Builds that predate the option ignore it: a request made while the user edits a cell fails with InvalidOperation or InvalidOperationInCellEditMode, and the pane asks to finish editing (src/hosts/office/errors.ts).',
  'Excel.Application.suspendScreenUpdatingUntilNextSync':
    'Not called (`isSetSupported("ExcelApi", "1.9")` first): the screen repaints while TierBook writes.',
  'Excel.Worksheet.pageLayout': 'Not used (checked for ExcelApi 1.9): summary sheets print with Excel’s page defaults.',
  'Excel.PageLayout.orientation': 'As `pageLayout`.',
  'Excel.PageLayout.zoom': 'As `pageLayout`.',
  'Excel.PageLayoutZoomOptions.horizontalFitToPages': 'As `pageLayout`.',
  'Excel.PageLayout.setPrintTitleRows': 'As `pageLayout`.',
  'Excel.Table.resize':
    'Not called (checked for ExcelApi 1.13): the table is grown another way (`rewriteTable` in src/hosts/office/sheets.ts).',
  'Excel.TableRowCollection.add':
    'Called with several rows at once (ExcelApi 1.4) and without `alwaysInsert` (the 1.15 parameter), so the manifest’s ExcelApi 1.8 has all it needs; used only where Table.resize is missing.',
};

interface Row {
  member: string;
  set: string | null;
  where: string;
}

function versionLess(a: string, b: string): boolean {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}

function sourceFiles(): string[] {
  const out: string[] = [];
  for (const s of SOURCES) {
    const abs = path.join(ROOT, s);
    if (s.endsWith('.ts') || s.endsWith('.tsx')) out.push(abs);
    else for (const f of readdirSync(abs).sort()) if (/\.tsx?$/.test(f)) out.push(path.join(abs, f));
  }
  return out;
}

/** The "[Api set: …]" note of a declaration (its JSDoc, remarks included), e.g. "ExcelApi 1.9". */
function apiSetOf(decl: ts.Declaration): string | null {
  const text = decl.getSourceFile().text;
  const ranges = ts.getLeadingCommentRanges(text, decl.getFullStart()) ?? [];
  for (const r of ranges.reverse()) {
    const m = /\[Api set: ([^\]]+)\]/.exec(text.slice(r.pos, r.end));
    if (m) return m[1]!.trim();
  }
  return null;
}

/** "Excel.Range.values" for a member declared in @types/office-js, else null. */
function qualifiedName(decl: ts.Declaration): string | null {
  if (!decl.getSourceFile().fileName.replace(/\\/g, '/').endsWith(TYPES.replace(/\\/g, '/'))) return null;
  const parts: string[] = [];
  let n: ts.Node | undefined = decl;
  while (n && !ts.isSourceFile(n)) {
    const name = (n as ts.NamedDeclaration).name;
    if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) parts.unshift(name.text);
    n = n.parent;
  }
  return parts.length ? parts.join('.') : null;
}

export function requirementRows(): Row[] {
  const min = manifestMinimum();
  const program = ts.createProgram(sourceFiles(), {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    allowImportingTsExtensions: true,
    noEmit: true,
    types: ['office-js'],
    typeRoots: [path.join(ROOT, 'node_modules/@types')],
  });
  const checker = program.getTypeChecker();
  const found = new Map<string, string | null>();
  const roots = new Set(sourceFiles());
  for (const sf of program.getSourceFiles()) {
    if (!roots.has(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node) => {
      let symbol: ts.Symbol | undefined;
      if (ts.isPropertyAccessExpression(node)) symbol = checker.getSymbolAtLocation(node.name);
      // Options passed as object literals ({ delayForCellEdit: true }): the property of the type they are passed as.
      else if (ts.isPropertyAssignment(node) && ts.isObjectLiteralExpression(node.parent) && ts.isIdentifier(node.name))
        symbol = checker.getContextualType(node.parent)?.getProperty(node.name.text);
      if (symbol) {
        for (const decl of symbol.declarations ?? []) {
          const name = qualifiedName(decl);
          if (name && /^(Excel|Office|OfficeExtension)\./.test(name)) found.set(name, found.get(name) ?? apiSetOf(decl));
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  const rows: Row[] = [];
  for (const [member, set] of [...found].sort(([a], [b]) => a.localeCompare(b))) {
    // The newest ExcelApi version the note names ("ExcelApi 1.1 for reading visibility; 1.2 for setting it").
    const versions = set && /^ExcelApi /.test(set) ? [...set.matchAll(/\b(\d+\.\d+)\b/g)].map((m) => m[1]!) : [];
    const newest = versions.reduce<string | null>((a, v) => (a === null || versionLess(a, v) ? v : a), null);
    let where: string;
    const known = WHERE_MISSING[member];
    if (known) where = known;
    else if (newest && versionLess(min, newest)) {
      throw new Error(`${member} needs ${set}, newer than the manifest's ExcelApi ${min}: add what TierBook does without it to WHERE_MISSING in scripts/requirement-sets.ts`);
    } else if (newest) where = `Always there: the manifest requires ExcelApi ${min}.`;
    else if (set) where = `Part of ${set}.`;
    else where = member.startsWith('Excel.') ? 'No set noted: part of the Excel JavaScript API’s base.' : 'Common API (office.js itself).';
    rows.push({ member, set, where });
  }
  return rows;
}

export function requirementSetTable(): string {
  const rows = requirementRows();
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '# Excel requirement sets used by TierBook',
    '',
    '<!-- Generated by `node --import tsx scripts/requirement-sets.ts` from @types/office-js; do not edit by hand.',
    '     test/build/requirement-sets.test.ts fails when this file differs from what the script writes. -->',
    '',
    `Every Excel and Office API member the Office host (\`src/hosts/office/\`) and the pane's start-up in Excel use,`,
    'with the requirement set the typings note for it ("[Api set: …]") and what TierBook does where that set is missing.',
    `\`manifest.xml\` requires ExcelApi ${manifestMinimum()}: Office does not offer the add-in where it is missing, so only`,
    'newer sets need a fallback, and each is checked with `Office.context.requirements.isSetSupported` before use.',
    '',
    '| member | requirement set | where it is missing |',
    '| --- | --- | --- |',
    ...rows.map((r) => `| \`${esc(r.member)}\` | ${r.set ? esc(r.set) : '—'} | ${esc(r.where)} |`),
    '',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(DOC, requirementSetTable());
  console.log(`wrote ${path.relative(ROOT, DOC)}`);
}
