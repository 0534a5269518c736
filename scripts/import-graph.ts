// The import graph of src/, checked against scripts/layers.json: which folder may import which, no folder
// imports in a circle, no file imports in a circle. Run by test/scripts/import-graph.test.ts (so CI fails on a
// new cycle) and by hand: `node --import tsx scripts/import-graph.ts`.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

export interface Layer {
  folder: string;
  mayImport: string[];
  entries?: { files: string[]; mayImport: string[] };
}

export interface Layers {
  layers: Layer[];
  core: { packages: string[]; forbiddenGlobals: string[] };
}

export const LAYERS: Layers = JSON.parse(readFileSync(fileURLToPath(new URL('./layers.json', import.meta.url)), 'utf8'));

export const SRC = fileURLToPath(new URL('../src', import.meta.url));

/** file (relative to src, with /) → the src files it imports (static, re-export and import() with a literal). */
export type Graph = Map<string, string[]>;

const posix = (p: string) => p.split(sep).join('/');

export function importGraph(src = SRC): Graph {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|tsx)$/.test(e.name) && !e.name.endsWith('.d.ts')) files.push(posix(relative(src, p)));
    }
  };
  walk(src);
  const graph: Graph = new Map();
  for (const f of files) {
    const info = ts.preProcessFile(readFileSync(join(src, f), 'utf8'), true, true);
    const targets = info.importedFiles
      .map((i) => i.fileName)
      .filter((spec) => spec.startsWith('./') || spec.startsWith('../'))
      .map((spec) => posix(normalize(join(dirname(f), spec))));
    graph.set(f, [...new Set(targets)]);
  }
  return graph;
}

/** The layer a file belongs to: the longest folder of layers.json that holds it. */
export function layerOf(file: string, layers = LAYERS.layers): Layer | null {
  let best: Layer | null = null;
  for (const l of layers) if (file.startsWith(`${l.folder}/`) && (!best || l.folder.length > best.folder.length)) best = l;
  return best;
}

function mayImport(file: string, layer: Layer): string[] {
  const inLayer = file.slice(layer.folder.length + 1);
  const entry = layer.entries?.files.some((e) => (e.endsWith('/') ? inLayer.startsWith(e) : inLayer === e));
  return entry ? layer.entries!.mayImport : layer.mayImport;
}

/** Imports that cross into a folder their layer may not import ("from → to"). */
export function layerViolations(graph: Graph, layers = LAYERS.layers): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    const own = layerOf(from, layers);
    if (!own) continue;
    for (const to of targets) {
      const theirs = layerOf(to, layers);
      if (!theirs || theirs === own) continue;
      if (!mayImport(from, own).includes(theirs.folder)) out.push(`${from} → ${to} (${own.folder} may import ${mayImport(from, own).join(', ') || 'only itself'})`);
    }
  }
  return out;
}

/** Strongly connected components with more than one member (Tarjan), each sorted. */
export function cycles(nodes: Iterable<string>, next: (n: string) => Iterable<string>): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of next(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const c: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        c.push(w);
      } while (w !== v);
      if (c.length > 1) out.push(c.sort());
    }
  };
  for (const n of nodes) if (!idx.has(n)) visit(n);
  return out;
}

export function fileCycles(graph: Graph): string[][] {
  return cycles(graph.keys(), (f) => (graph.get(f) ?? []).filter((t) => graph.has(t)));
}

/** Cycles between the folders of layers.json (e.g. the UI importing a host that imports the UI). */
export function folderCycles(graph: Graph, layers = LAYERS.layers): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const [from, targets] of graph) {
    const a = layerOf(from, layers)?.folder;
    if (!a) continue;
    for (const to of targets) {
      const b = layerOf(to, layers)?.folder;
      if (b && b !== a) edges.set(a, (edges.get(a) ?? new Set()).add(b));
    }
  }
  return cycles(
    layers.map((l) => l.folder),
    (f) => edges.get(f) ?? [],
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const graph = importGraph();
  const problems = [
    ...layerViolations(graph).map((v) => `layer: ${v}`),
    ...folderCycles(graph).map((c) => `folder cycle: ${c.join(' ↔ ')}`),
    ...fileCycles(graph).map((c) => `file cycle: ${c.join(' ↔ ')}`),
  ];
  for (const p of problems) console.log(p);
  console.log(`${graph.size} files, ${problems.length} problem(s)`);
  process.exitCode = problems.length ? 1 : 0;
}
