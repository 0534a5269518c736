// The editor's form controls. Each shows, next to itself, the scheme problems whose paths it claims.
// Number fields keep the text as typed: text the parser can't read stays in the field with its error
// and never reaches the draft.
import { Field, Input, Select, type InputProps } from '@fluentui/react-components';
import { useId, useRef, useState, type ReactNode } from 'react';
import type { Localized } from '../../../core/i18n.ts';
import type { SchemeProblem } from '../../../core/scheme/validate.ts';
import { useT, type Translator } from '../../i18n.tsx';
import { useRulesField } from './context.tsx';
import { editLocalized, editOptionalLocalized, formatNumber, readNumber } from './draft.ts';
import { useRulesStyles } from './styles.ts';

function joinProblems(problems: readonly SchemeProblem[], t: Translator): string | undefined {
  if (problems.length === 0) return undefined;
  return problems.map((p) => t.l(p.message)).join(t.lang === 'zh-CN' ? '；' : '; ');
}

interface Labelled {
  /** Path of the value (`mode.rules[0].when.value`): problems there show here. */
  path: string;
  /** Further problem paths shown here (e.g. a cross-field check on the parent object). */
  claims?: readonly string[];
  label: string;
  /** Keep the label for assistive technology only (in table cells and compact rows). */
  hideLabel?: boolean;
  hint?: string;
  size?: 'small' | 'medium';
  className?: string;
}

export interface NumberFieldProps extends Labelled {
  value: number | undefined;
  onCommit(value: number | undefined): void;
  /** Blank is an error (and is not committed); otherwise blank commits `undefined`. */
  required?: boolean;
  integer?: boolean;
  /** Shown ×scale: 100 for shares and percentages. Bounds below are in stored units. */
  scale?: number;
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  before?: string;
  after?: string;
}

/** The Field around a rules input: its label (or none, when the input carries it), hint and problems. */
function LabelledField({ field, message, children }: { field: Labelled; message: string | undefined; children: ReactNode }): ReactNode {
  return (
    <Field
      label={field.hideLabel ? undefined : field.label}
      hint={field.hint}
      size={field.size}
      validationState={message ? 'error' : 'none'}
      validationMessage={message}
      className={field.className}
    >
      {children}
    </Field>
  );
}

export function NumberField(props: NumberFieldProps): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  const { value, scale = 1 } = props;
  const [text, setText] = useState(() => formatNumber(value, t.lang, scale));
  const [seen, setSeen] = useState(value);
  // Errors appear when the user leaves the field (or presses Enter), not while "1," is on its way to
  // "1,000"; once shown they update as the user types.
  const [shown, setShown] = useState(false);

  const check = (s: string): { error: string | null; value: number | undefined } => {
    const r = readNumber(s, scale);
    if (!r.ok) return { error: t.l(r.message), value: undefined };
    const v = r.value;
    if (v === undefined) return { error: props.required ? t.t('rulesNumRequired') : null, value: v };
    const show = (x: number) => formatNumber(x, t.lang, scale);
    if (props.integer && !Number.isInteger(v)) return { error: t.t('rulesNumInteger'), value: v };
    if (props.min !== undefined && (props.minExclusive ? v <= props.min : v < props.min))
      return { error: t.t(props.minExclusive ? 'rulesNumAbove' : 'rulesNumMin', { min: show(props.min) }), value: v };
    if (props.max !== undefined && (props.maxExclusive ? v >= props.max : v > props.max))
      return { error: t.t(props.maxExclusive ? 'rulesNumBelow' : 'rulesNumMax', { max: show(props.max) }), value: v };
    return { error: null, value: v };
  };

  // The value changed from outside (a preset, an import, undo): show it, unless the text already says it.
  if (!Object.is(seen, value)) {
    setSeen(value);
    const c = check(text);
    if (c.error !== null || c.value !== value) {
      setText(formatNumber(value, t.lang, scale));
      setShown(false);
    }
  }

  const local = check(text);
  const inputRef = useRef<HTMLInputElement>(null);
  const localError = shown ? local.error : null;
  const problems = useRulesField([props.path, ...(props.claims ?? [])], localError !== null, inputRef);
  // A blank bound the scheme needs (half an expected share) gets our words, not zod's "received undefined".
  const message = localError ?? (problems.length ? (text.trim() === '' ? t.t('rulesNumRequired') : joinProblems(problems, t)) : undefined);

  const onChange: InputProps['onChange'] = (_e, data) => {
    setText(data.value);
    const c = check(data.value);
    if (c.error === null && !Object.is(c.value, value)) props.onCommit(c.value);
  };
  const settle = () => {
    setShown(true);
    // Show how the text was read ("100万" → "1,000,000").
    if (local.error === null && value !== undefined) setText(formatNumber(value, t.lang, scale));
  };

  return (
    <LabelledField field={props} message={message}>
      <Input
        ref={inputRef}
        className={styles.fill}
        size={props.size}
        value={text}
        onChange={onChange}
        onBlur={settle}
        onKeyDown={(e) => {
          if (e.key === 'Enter') settle();
          else if (e.key === 'Escape') {
            setText(formatNumber(value, t.lang, scale));
            setShown(false);
          }
        }}
        aria-label={props.hideLabel ? props.label : undefined}
        contentBefore={props.before}
        contentAfter={props.after}
        autoComplete="off"
        spellCheck={false}
      />
    </LabelledField>
  );
}

export interface LocalizedFieldProps extends Labelled {
  value: Localized | undefined;
  onChange(value: Localized | undefined): void;
  /** Clearing it removes the text in both languages (owner, channel) instead of leaving an empty label. */
  optional?: boolean;
}

/** Text in the pane's language; the other language's text is kept (see editLocalized). */
export function LocalizedField(props: LocalizedFieldProps): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  const inputRef = useRef<HTMLInputElement>(null);
  // The text as it was when editing began: the other language is kept or follows relative to it.
  const base = useRef<{ value: Localized | undefined } | null>(null);
  const problems = useRulesField([`${props.path}*`, ...(props.claims ?? [])], false, inputRef);
  const message = joinProblems(problems, t);
  return (
    <LabelledField field={props} message={message}>
      <Input
        ref={inputRef}
        className={styles.fill}
        size={props.size}
        value={props.value?.[t.lang] ?? ''}
        aria-label={props.hideLabel ? props.label : undefined}
        onFocus={() => {
          base.current = { value: props.value };
        }}
        onBlur={() => {
          base.current = null;
        }}
        onChange={(_e, data) => {
          const from = (base.current ??= { value: props.value }).value;
          props.onChange(props.optional ? editOptionalLocalized(from, t.lang, data.value) : editLocalized(from, t.lang, data.value));
        }}
      />
    </LabelledField>
  );
}

export interface SelectFieldProps extends Labelled {
  value: string;
  options: readonly { value: string; text: string }[];
  onChange(value: string): void;
}

export function SelectField(props: SelectFieldProps): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  const ref = useRef<HTMLSelectElement>(null);
  const problems = useRulesField([props.path, ...(props.claims ?? [])], false, ref);
  const message = joinProblems(problems, t);
  return (
    <LabelledField field={props} message={message}>
      <Select
        ref={ref}
        className={styles.fill}
        size={props.size}
        value={props.value}
        aria-label={props.hideLabel ? props.label : undefined}
        onChange={(_e, data) => props.onChange(data.value)}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </Select>
    </LabelledField>
  );
}

/** One tier's (or criterion's) group of fields, named by its heading for assistive technology. */
export function Block(props: { title: string; color?: string; children: ReactNode }): ReactNode {
  const styles = useRulesStyles();
  const id = useId();
  return (
    <div role="group" aria-labelledby={id} className={styles.block}>
      <h4 id={id} className={styles.heading}>
        {props.color !== undefined && <span className={styles.swatch} style={{ backgroundColor: props.color }} aria-hidden="true" />}
        {props.title}
      </h4>
      {props.children}
    </div>
  );
}
