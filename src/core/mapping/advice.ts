// What a user can do about a mapping problem, as a code rather than words: the command line says "--map …",
// the task pane names its Data step. The core says what it found; each host words the rest in its own terms.
import type { Localized } from '../i18n.ts';

export type MappingAdvice =
  /** Say which column holds the field (none found, or several equally good). */
  | { kind: 'choose-column'; field: string }
  /** Several columns share the name given for the field: name it by its column letter instead. */
  | { kind: 'use-letter'; field: string; letter: string }
  /** The sheet lacks columns the scheme needs: say which columns hold them. */
  | { kind: 'choose-columns' }
  /** Only an orders export: a scheme that grades from orders alone (preset ids, the first the suggestion), or a customer sheet. */
  | { kind: 'orders-scheme'; schemes: string[] };

/** A message whose host-specific parts are kept as data (it crosses the worker boundary). */
export interface AdvisedMessage {
  /** The column name the user gave for a field (the CLI's --map, the pane's dropdown), when the message is about it. */
  given?: { field: string; text: string };
  /** What was found, in words every host shares. */
  message: Localized;
  advice?: MappingAdvice;
}

/** Several advised messages under one lead ("工作表"客户"："), one a line. */
export interface AdvisedText {
  lead?: Localized;
  lines: AdvisedMessage[];
}

/** How a host words the parts the core leaves to it. */
export interface AdviceWords {
  given(field: string, text: string): Localized;
  advice(advice: MappingAdvice): Localized;
}

/** given：message advice — Chinese runs on, English puts a space before the advice. */
export function sayAdvised(m: AdvisedMessage, words: AdviceWords): Localized {
  const given = m.given ? words.given(m.given.field, m.given.text) : null;
  const advice = m.advice ? words.advice(m.advice) : null;
  const say = (lang: keyof Localized, sep: string, space: string) =>
    (given ? given[lang] + sep : '') + m.message[lang] + (advice && advice[lang] ? space + advice[lang] : '');
  return { 'zh-CN': say('zh-CN', '：', ''), 'en-US': say('en-US', ': ', ' ') };
}

export function sayAdvisedText(t: AdvisedText, words: AdviceWords): Localized {
  const lines = t.lines.map((m) => sayAdvised(m, words));
  const say = (lang: keyof Localized) => (t.lead?.[lang] ?? '') + lines.map((l) => l[lang]).join('\n');
  return { 'zh-CN': say('zh-CN'), 'en-US': say('en-US') };
}

/** Words for a host that has none of its own: the name given is quoted, the advice left out. */
export const plainWords: AdviceWords = {
  given: (field, text) => ({ 'zh-CN': `${field}="${text}"`, 'en-US': `${field}="${text}"` }),
  advice: () => ({ 'zh-CN': '', 'en-US': '' }),
};
