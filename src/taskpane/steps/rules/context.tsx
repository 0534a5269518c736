// How fields and the editor talk: the editor hands every field the current problems; each field says which
// problem paths it shows and whether it holds text that can't be read yet. From that the editor knows which
// problems have no field on screen (the summary lists those) and whether saving must wait.
import { createContext, useContext, useId, useLayoutEffect, useMemo, type RefObject } from 'react';
import type { SchemeProblem } from '../../../core/scheme/validate.ts';
import { problemsFor, type Draft } from './draft.ts';

export interface FieldRegistration {
  claims: readonly string[];
  /** The field holds text that can't be read (so it never reached the draft). */
  invalid: boolean;
  focus(): void;
}

export interface RulesEditorContext {
  problems: readonly SchemeProblem[];
  register(id: string, field: FieldRegistration | null): void;
}

export const RulesContext = createContext<RulesEditorContext>({ problems: [], register: () => {} });

/** Register a field for its claims; returns the problems it should show. */
export function useRulesField(claims: readonly string[], invalid: boolean, target: RefObject<HTMLElement | null>): SchemeProblem[] {
  const { problems, register } = useContext(RulesContext);
  const id = useId();
  const key = claims.join('\n');
  // Layout effects: the summary must not flash problems whose field is about to appear.
  useLayoutEffect(() => {
    register(id, { claims: key.split('\n'), invalid, focus: () => target.current?.focus() });
  }, [id, key, invalid, register, target]);
  useLayoutEffect(() => () => register(id, null), [id, register]);
  return useMemo(() => problemsFor(problems, key.split('\n')), [problems, key]);
}

/** What every section receives: the draft and a way to change it. */
export interface SectionProps {
  draft: Draft;
  edit(recipe: (draft: Draft) => Draft): void;
}
