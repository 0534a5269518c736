// Condition trees evaluated over whole columns. The hot path compiles a tier chain into one tight loop
// (generated JavaScript, numbers only, so nothing user-typed reaches the code). Where a host forbids
// code generation (a strict Content-Security-Policy), the same chain runs through closures instead.
import type { Comparison, Condition } from '../scheme/schema.ts';

export type Columns = Readonly<Record<string, Float64Array>>;

/** Writes, for every row, the index of the first matching condition, `fallback` when none matches, -1 when skipped. */
export type TierChain = (out: Int16Array, skip: Uint8Array | null) => void;

export type KernelKind = 'compiled' | 'interpreted';

function literal(n: number): string {
  // Conditions are validated finite numbers; spell them so the generated code reads them back exactly.
  if (!Number.isFinite(n)) throw new Error(`condition value must be finite, got ${n}`);
  return Object.is(n, -0) ? '0' : n < 0 ? `(${String(n)})` : String(n);
}

function comparisonSource(c: Comparison, v: string): string {
  switch (c.op) {
    case '>=':
      return `${v} >= ${literal(c.value)}`;
    case '>':
      return `${v} > ${literal(c.value)}`;
    case '<=':
      return `${v} <= ${literal(c.value)}`;
    case '<':
      return `${v} < ${literal(c.value)}`;
    case '=':
      return `${v} === ${literal(c.value)}`;
    case 'between':
      return `(${v} >= ${literal(c.value)} && ${v} <= ${literal(c.max ?? c.value)})`;
  }
}

function metricsOf(c: Condition, into: string[]): string[] {
  if ('all' in c) for (const x of c.all) metricsOf(x, into);
  else if ('any' in c) for (const x of c.any) metricsOf(x, into);
  else if (!into.includes(c.metric)) into.push(c.metric);
  return into;
}

function columnsFor(conditions: readonly Condition[], columns: Columns): { names: string[]; arrays: Float64Array[] } {
  const names: string[] = [];
  for (const c of conditions) metricsOf(c, names);
  const arrays = names.map((name) => {
    const col = columns[name];
    if (!col) throw new Error(`no column for metric "${name}"`);
    return col;
  });
  return { names, arrays };
}

let codegenAvailable: boolean | undefined;
/** Whether this runtime lets us generate code (false under a CSP without 'unsafe-eval'). */
export function canCompile(): boolean {
  if (codegenAvailable === undefined) {
    try {
      codegenAvailable = new Function('return 1')() === 1;
    } catch {
      codegenAvailable = false;
    }
  }
  return codegenAvailable;
}

/** A condition as a 0/1 integer expression: every comparison is evaluated, with no branch to mispredict. */
function bitSource(c: Condition, varOf: (metric: string) => string): string {
  if ('all' in c) return `(${c.all.map((x) => bitSource(x, varOf)).join(' & ')})`;
  if ('any' in c) return `(${c.any.map((x) => bitSource(x, varOf)).join(' | ')})`;
  const v = varOf(c.metric);
  if (c.op === 'between') return `(+(${v} >= ${literal(c.value)}) & +(${v} <= ${literal(c.max ?? c.value)}))`;
  return `+(${comparisonSource(c, v)})`;
}

function compiledChain(conditions: readonly Condition[], columns: Columns, fallback: number): TierChain {
  const { names, arrays } = columnsFor(conditions, columns);
  const varOf = (metric: string) => `v${names.indexOf(metric)}`;
  const reads = names.map((_, k) => `const v${k} = c${k}[i];`).join(' ');
  // First match wins: walk from the last condition up, replacing t by k where condition k holds (t ^= (t ^ k) & -bit).
  const steps: string[] = [];
  for (let t = conditions.length - 1; t >= 0; t--) steps.push(`t ^= (t ^ ${t}) & -${bitSource(conditions[t]!, varOf)};`);
  const tier = `let t = ${fallback}; ${steps.join(' ')}`;
  const body = [
    ...names.map((_, k) => `const c${k} = cols[${k}];`),
    'const n = out.length;',
    'if (skip === null) {',
    `  for (let i = 0; i < n; i++) { ${reads} ${tier} out[i] = t; }`,
    '} else {',
    // A skipped row becomes -1 (t | -1), still without a branch.
    `  for (let i = 0; i < n; i++) { ${reads} ${tier} out[i] = t | -skip[i]; }`,
    '}',
  ].join('\n');
  const kernel = compileKernel(body);
  return (out, skip) => kernel(arrays, out, skip);
}

type Kernel = (cols: Float64Array[], out: Int16Array, skip: Uint8Array | null) => void;
/** Kernels by source: grading again with the same scheme reuses code the engine has already optimised. */
const kernels = new Map<string, Kernel>();
function compileKernel(body: string): Kernel {
  let kernel = kernels.get(body);
  if (!kernel) {
    if (kernels.size >= 64) kernels.delete(kernels.keys().next().value!);
    kernel = new Function('cols', 'out', 'skip', body) as Kernel;
    kernels.set(body, kernel);
  }
  return kernel;
}

type RowTest = (i: number) => boolean;

function closureOf(c: Condition, columns: Columns): RowTest {
  if ('all' in c) {
    const parts = c.all.map((x) => closureOf(x, columns));
    return (i) => parts.every((p) => p(i));
  }
  if ('any' in c) {
    const parts = c.any.map((x) => closureOf(x, columns));
    return (i) => parts.some((p) => p(i));
  }
  const col = columns[c.metric];
  if (!col) throw new Error(`no column for metric "${c.metric}"`);
  return (i) => compare(col[i]!, c);
}

/** One comparison on one value; NaN never matches. */
export function compare(x: number, c: Comparison): boolean {
  switch (c.op) {
    case '>=':
      return x >= c.value;
    case '>':
      return x > c.value;
    case '<=':
      return x <= c.value;
    case '<':
      return x < c.value;
    case '=':
      return x === c.value;
    case 'between':
      return x >= c.value && x <= (c.max ?? c.value);
  }
}

function interpretedChain(conditions: readonly Condition[], columns: Columns, fallback: number): TierChain {
  const tests = conditions.map((c) => closureOf(c, columns));
  return (out, skip) => {
    for (let i = 0; i < out.length; i++) {
      if (skip !== null && skip[i] !== 0) {
        out[i] = -1;
        continue;
      }
      let t = 0;
      while (t < tests.length && !tests[t]!(i)) t++;
      out[i] = t < tests.length ? t : fallback;
    }
  };
}

/**
 * Build the function that grades every row: conditions are tried in order (best tier first), the first match
 * wins, and rows matching none get `fallback`.
 */
export function tierChain(
  conditions: readonly Condition[],
  columns: Columns,
  fallback: number,
  kind: KernelKind | 'auto' = 'auto',
): TierChain {
  const compiled = kind === 'compiled' || (kind === 'auto' && canCompile());
  return compiled ? compiledChain(conditions, columns, fallback) : interpretedChain(conditions, columns, fallback);
}

/** Evaluate one condition for one row, keeping each comparison's outcome (for reasons and gaps). */
export interface LeafOutcome {
  leaf: Comparison;
  value: number;
  met: boolean;
}
export function evaluateLeaves(c: Condition, valueOf: (metric: string) => number): { met: boolean; leaves: LeafOutcome[] } {
  if ('all' in c || 'any' in c) {
    const parts = ('all' in c ? c.all : c.any).map((x) => evaluateLeaves(x, valueOf));
    const met = 'all' in c ? parts.every((p) => p.met) : parts.some((p) => p.met);
    return { met, leaves: parts.flatMap((p) => p.leaves) };
  }
  const value = valueOf(c.metric);
  return { met: compare(value, c), leaves: [{ leaf: c, value, met: compare(value, c) }] };
}
