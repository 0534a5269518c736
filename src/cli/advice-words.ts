// The command line's words for the advice the core and the run leave as codes: name a column with --map,
// choose a scheme with --scheme. The task pane words the same codes in its own terms (run/pane-words.ts).
import { loc, type AdviceWords } from '../core/index.ts';

export const commandLineWords: AdviceWords = {
  given: (field, text) => loc(`--map ${field}=${text}`, `--map ${field}=${text}`),
  advice: (a) => {
    switch (a.kind) {
      case 'choose-column':
        return loc(`可用 --map ${a.field}=列名 指定。`, `Use --map ${a.field}=<header> to choose one.`);
      case 'use-letter':
        return loc(`可改用列字母指定，如 --map ${a.field}=${a.letter}。`, `Use the column letter instead, e.g. --map ${a.field}=${a.letter}.`);
      case 'choose-columns':
        return loc('（命令行可用 --map 指标=列名 指定列）', '(on the command line, name a column with --map metric=Header)');
      case 'orders-scheme':
        return loc(
          `订单导出可改用 ${a.schemes.join('、')} 方案（命令行：--scheme ${a.schemes[0]}），或加一张含这些列的客户表`,
          `For an orders export use the ${a.schemes.join(' or ')} scheme (command line: --scheme ${a.schemes[0]}), or add a customer sheet with these columns`,
        );
    }
  },
};
