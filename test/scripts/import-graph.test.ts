// The house's shape, checked in CI: each folder of src/ imports only what scripts/layers.json allows it, and
// no folder or file imports in a circle.
import { describe, expect, it } from 'vitest';
import { cycles, fileCycles, folderCycles, importGraph, layerViolations, type Graph } from '../../scripts/import-graph.ts';

const graph = importGraph();

describe('the import graph of src/', () => {
  it('reads the imports of every source file', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('run/session-api.ts')).toContain('run/session.ts');
  });

  it('keeps every folder to the folders layers.json lets it import', () => {
    expect(layerViolations(graph)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(folderCycles(graph)).toEqual([]);
  });

  it('has no cycle between files', () => {
    expect(fileCycles(graph)).toEqual([]);
  });

  it('the checks catch what they must', () => {
    const bad: Graph = new Map([
      ['hosts/office/taskpane-api.ts', ['taskpane/api.ts', 'run/session.ts']],
      ['taskpane/api.ts', ['run/session.ts']],
      ['taskpane/App.tsx', ['hosts/office/detect.ts']],
      ['taskpane/index.tsx', ['hosts/office/detect.ts']],
      ['hosts/office/detect.ts', []],
      ['run/session.ts', ['run/a.ts']],
      ['run/a.ts', ['run/session.ts']],
    ]);
    expect(layerViolations(bad)).toEqual([
      'hosts/office/taskpane-api.ts → taskpane/api.ts (hosts/office may import core, port, run)',
      'taskpane/App.tsx → hosts/office/detect.ts (taskpane may import core, run)',
    ]);
    expect(folderCycles(bad)).toEqual([['hosts/office', 'taskpane']]);
    expect(fileCycles(bad)).toEqual([['run/a.ts', 'run/session.ts']]);
    expect(cycles(['a', 'b', 'c'], (n) => ({ a: ['b'], b: ['c'], c: [] })[n]!)).toEqual([]);
  });
});
