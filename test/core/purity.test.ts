// src/core is the one scoring module every host shares: plain TypeScript, relative imports and zod only,
// and none of the hosts' globals. Checked on the type-checked syntax tree: comments, strings ("Excel error") and locals don't count.
import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { LAYERS } from '../../scripts/import-graph.ts';

const CORE = fileURLToPath(new URL('../../src/core', import.meta.url));
// The same lists as the lint rule (scripts/layers.json), checked here on the type-checked tree.
const ALLOWED_PACKAGES = LAYERS.core.packages;
const FORBIDDEN_GLOBALS = LAYERS.core.forbiddenGlobals;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

interface Finding {
  kind: 'import' | 'global';
  text: string;
  line: number;
}

function allowedSpecifier(spec: string): boolean {
  if (spec.startsWith('./') || spec.startsWith('../')) return true;
  return ALLOWED_PACKAGES.some((p) => spec === p || spec.startsWith(`${p}/`));
}

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  noEmit: true,
  // The hosts' globals must resolve to their declarations, so that a use of one is recognised as such.
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
};

/** Parsed files shared by every program here: lib.dom and @types/node are parsed once, not once per probe. */
const parsed = new Map<string, ts.SourceFile | undefined>();

/** A program over the given files; `virtual` supplies in-memory sources (for probing the checker). */
function program(files: string[], virtual: Record<string, string> = {}): ts.Program {
  const host = ts.createCompilerHost(OPTIONS, true);
  const get = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => {
    if (name in virtual) return ts.createSourceFile(name, virtual[name]!, lang, true);
    if (!parsed.has(name)) parsed.set(name, get(name, lang, ...rest));
    return parsed.get(name);
  };
  const exists = host.fileExists.bind(host);
  host.fileExists = (name) => name in virtual || exists(name);
  return ts.createProgram([...files, ...Object.keys(virtual)], OPTIONS, host);
}

/** Whether an identifier is only a name here (a property, a key, a member), not a reference. */
function isNameOnly(id: ts.Identifier): boolean {
  const p = id.parent;
  if (ts.isPropertyAccessExpression(p) && p.name === id) return true;
  if ((ts.isPropertyAssignment(p) || ts.isPropertyDeclaration(p) || ts.isPropertySignature(p) || ts.isMethodDeclaration(p)) && p.name === id) return true;
  if (ts.isQualifiedName(p) && p.right === id) return true;
  if (ts.isEnumMember(p) && p.name === id) return true;
  return false;
}

/** Imports of anything but relative modules and zod, and references to host globals (locals of the same name are fine). */
function scan(prog: ts.Program, file: string): Finding[] {
  const sf = prog.getSourceFile(file);
  if (!sf) throw new Error(`not in the program: ${file}`);
  const checker = prog.getTypeChecker();
  const out: Finding[] = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  /** Declared outside this file's own code (lib.dom, @types/node) or not declared at all: a global. */
  const isGlobal = (id: ts.Identifier): boolean => {
    const decls = checker.getSymbolAtLocation(id)?.declarations ?? [];
    return decls.length === 0 || decls.some((d) => d.getSourceFile().isDeclarationFile);
  };
  const visit = (node: ts.Node): void => {
    // import … from 'x', export … from 'x', import x = require('x'), import('x')
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (!allowedSpecifier(node.moduleSpecifier.text)) out.push({ kind: 'import', text: node.moduleSpecifier.text, line: at(node) });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      out.push({ kind: 'import', text: node.moduleReference.expression.getText(sf), line: at(node) });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const arg = node.arguments[0];
      if (!arg || !ts.isStringLiteralLike(arg) || !allowedSpecifier(arg.text)) out.push({ kind: 'import', text: node.getText(sf), line: at(node) });
    } else if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.includes(node.text) && !isNameOnly(node) && isGlobal(node)) {
      out.push({ kind: 'global', text: node.text, line: at(node) });
    } else if (ts.isPropertyAccessExpression(node) && ['globalThis', 'self', 'global'].includes(node.expression.getText(sf)) && FORBIDDEN_GLOBALS.includes(node.name.text)) {
      out.push({ kind: 'global', text: node.getText(sf), line: at(node) });
    } else if (ts.isElementAccessExpression(node) && ['globalThis', 'self', 'global'].includes(node.expression.getText(sf))) {
      out.push({ kind: 'global', text: node.getText(sf), line: at(node) }); // dynamic global lookups hide what they use
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

const files = sourceFiles(CORE);
const coreProgram = program(files);

describe('src/core is pure', () => {
  it('has the modules the brief names', () => {
    const names = files.map((f) => relative(CORE, f).split('\\').join('/'));
    for (const f of ['index.ts', 'scheme/schema.ts', 'scheme/validate.ts', 'grading/grade.ts', 'grading/conditions.ts', 'explain/explain.ts']) {
      expect(names).toContain(f);
    }
  });

  it.each(files.map((f) => [relative(CORE, f), f]))('%s imports only relative modules and zod, and uses no host globals', (_name, file) => {
    expect(scan(coreProgram, file)).toEqual([]);
  });

  it('the checker itself catches what it must (and ignores comments and strings)', () => {
    const probe = (src: string) => {
      const name = join(CORE, '__probe__.ts');
      return scan(program([], { [name]: src }), name).map((f) => `${f.kind}:${f.text}`);
    };
    expect(probe('const a = window.innerWidth; Excel.run(() => 1); const b = process.env.X; globalThis.Buffer;')).toEqual([
      'global:window',
      'global:Excel',
      'global:process',
      'global:globalThis.Buffer',
    ]);
    expect(probe("import fs from 'node:fs'; import { z } from 'zod'; export * from './x.ts'; void import('react');")).toEqual([
      'import:node:fs',
      "import:import('react')",
    ]);
    // comments, strings, keys, members and locals that happen to share a name are not uses of the global
    expect(probe('// Excel and window\nconst s = "Excel error"; const o = { process: 1 }; o.process;\nexport function f(window: { end: number }) { return window.end; }')).toEqual([]);
    expect(allowedSpecifier('./x.ts')).toBe(true);
    expect(allowedSpecifier('../y/z.ts')).toBe(true);
    expect(allowedSpecifier('zod')).toBe(true);
    expect(allowedSpecifier('zod/v4')).toBe(true);
    expect(allowedSpecifier('node:fs')).toBe(false);
    expect(allowedSpecifier('react')).toBe(false);
    expect(allowedSpecifier('zodiac')).toBe(false);
  });
});
