// Benefits per tier: the lines (one per line, in the pane's language), who serves the tier, how often
// and through which channel, and what that costs.
import { Field, Text, Textarea } from '@fluentui/react-components';
import { useRef, useState, type ReactNode } from 'react';
import type { Localized } from '../../../core/i18n.ts';
import { CADENCES } from '../../../core/scheme/schema.ts';
import { useT } from '../../i18n.tsx';
import { useRulesField, type SectionProps } from './context.tsx';
import { editLines, linesText, pathOf, setAt, splitLines } from './draft.ts';
import { Block, LocalizedField, SelectField } from './fields.tsx';
import { CostFields } from './CostFields.tsx';
import { useRulesStyles } from './styles.ts';

export function BenefitsEditor({ draft, edit }: SectionProps): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  const cadences = [{ value: '', text: t.t('rulesCadenceNone') }, ...CADENCES.map((c) => ({ value: c, text: t.t(`rulesCadence_${c}`) }))];
  return (
    <div className={styles.stack}>
      <Text className={styles.hint}>{t.t('rulesBilingualHint')}</Text>
      {draft.tiers.map((tier, i) => {
        const b = tier.benefits;
        const at = ['tiers', i, 'benefits'] as const;
        const tierName = t.l(tier.label);
        return (
          <Block key={i} title={tierName} color={tier.color}>
            <LinesField
              path={pathOf([...at, 'lines'])}
              label={t.t('rulesBenefitLines')}
              lines={b.lines}
              onChange={(lines) => edit((d) => setAt(d, [...at, 'lines'], lines))}
            />
            <div className={styles.pair}>
              <LocalizedField
                path={pathOf([...at, 'owner'])}
                label={t.t('rulesOwner')}
                value={b.owner}
                optional
                onChange={(v) => edit((d) => setAt(d, [...at, 'owner'], v))}
              />
              <SelectField
                path={pathOf([...at, 'cadence'])}
                label={t.t('rulesCadence')}
                value={b.cadence ?? ''}
                options={cadences}
                onChange={(v) => edit((d) => setAt(d, [...at, 'cadence'], v === '' ? undefined : v))}
              />
            </div>
            <LocalizedField
              path={pathOf([...at, 'channel'])}
              label={t.t('rulesChannel')}
              value={b.channel}
              optional
              onChange={(v) => edit((d) => setAt(d, [...at, 'channel'], v))}
            />
            <CostFields tier={tier} index={i} currency={draft.currency ?? '¥'} edit={edit} />
          </Block>
        );
      })}
    </div>
  );
}

interface LinesFieldProps {
  path: string;
  label: string;
  lines: readonly Localized[];
  onChange(lines: Localized[]): void;
}

/** A Textarea over benefit lines. It keeps its own text so that a blank line being typed survives. */
function LinesField(props: LinesFieldProps): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  const ref = useRef<HTMLTextAreaElement>(null);
  const problems = useRulesField([`${props.path}*`], false, ref);
  const message = problems.map((p) => t.l(p.message)).join('; ') || undefined;
  const shown = linesText(props.lines, t.lang);
  const [text, setText] = useState(shown);
  const [seen, setSeen] = useState(shown);
  // Lines changed from outside (preset, import, language switch): show them unless the text says the same.
  if (seen !== shown) {
    setSeen(shown);
    if (splitLines(text).join('\n') !== shown) setText(shown);
  }
  const base = useRef<readonly Localized[] | null>(null);
  return (
    <Field label={props.label} validationState={message ? 'error' : 'none'} validationMessage={message}>
      <Textarea
        ref={ref}
        className={styles.fill}
        resize="vertical"
        rows={Math.min(6, Math.max(2, props.lines.length + 1))}
        value={text}
        onFocus={() => {
          base.current = props.lines;
        }}
        onBlur={() => {
          base.current = null;
          setText(linesText(props.lines, t.lang)); // drop the blank lines left behind
        }}
        onChange={(_e, data) => {
          setText(data.value);
          props.onChange(editLines((base.current ??= props.lines), t.lang, data.value));
        }}
      />
    </Field>
  );
}
