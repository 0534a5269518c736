// The task pane's words for the advice the core and the run leave as codes. The pane has no --map or
// --scheme: columns are chosen in its Data step (数据), schemes in its Rules step (规则).
import { getPreset, loc, sayAdvised, type AdviceWords, type AdvisedText, type Localized } from '../core/index.ts';
import type { ColumnMapping } from '../core/mapping/index.ts';
import { RunError } from './errors.ts';
import type { DataView } from './views.ts';

/** A preset as the Rules step lists it: by its name, not its id. */
function presetName(id: string): Localized {
  const name = getPreset(id)?.name;
  return name ? loc(`"${name['zh-CN']}"`, `"${name['en-US']}"`) : loc(id, id);
}

export const paneWords: AdviceWords = {
  given: (_field, text) => loc(`所选列"${text}"`, `The chosen column "${text}"`),
  advice: (a) => {
    switch (a.kind) {
      case 'choose-column':
        return loc('请在「数据」步骤中为该字段选择列。', 'Choose its column in the Data step.');
      case 'use-letter':
        // The pane's dropdown names columns by their header, so two alike cannot be told apart there.
        return loc('请先在表中给要用的那一列改个名字，再在「数据」步骤中选择它。', 'Rename the one to use in the sheet, then choose it in the Data step.');
      case 'choose-columns':
        return loc('（请在「数据」步骤中为这些指标选择列）', '(choose their columns in the Data step)');
      case 'orders-scheme': {
        const names = a.schemes.map(presetName);
        return loc(
          `订单导出可在「规则」步骤中改用 ${names.map((n) => n['zh-CN']).join('、')} 方案，或加一张含这些列的客户表`,
          `For an orders export choose the ${names.map((n) => n['en-US']).join(' or ')} scheme in the Rules step, or add a customer sheet with these columns`,
        );
      }
    }
  },
};

/** An error worded for the pane: a RunError's advice codes in the pane's terms; any other error as it is. */
export function forPane<E>(e: E): E {
  if (!(e instanceof RunError) || !e.advised) return e;
  const text: AdvisedText = e.advised;
  return new RunError(e.code, text, paneWords) as E;
}

/** Run `work`, its errors worded for the pane. */
export function inPaneWords<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    throw forPane(e);
  }
}

/** Mapping problems as the pane shows them. */
export function paneProblems(problems: ColumnMapping['problems']): DataView['problems'] {
  return problems.map((p) => ({ severity: p.severity, field: p.field ?? null, message: sayAdvised(p, paneWords) }));
}
