// Tiers: name in the pane's language, colour, and the expected share of customers (in %).
import { Field, Text } from '@fluentui/react-components';
import { useRef, type ReactNode } from 'react';
import { useT } from '../../i18n.tsx';
import { useRulesField, type SectionProps } from './context.tsx';
import { pathOf, setAt, withShareBound } from './draft.ts';
import { Block, LocalizedField, NumberField } from './fields.tsx';
import { useRulesStyles } from './styles.ts';

export function TiersTable({ draft, edit }: SectionProps): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  return (
    <div className={styles.stack}>
      <Text className={styles.hint}>{t.t('rulesBilingualHint')}</Text>
      {draft.tiers.map((tier, i) => {
        const share = tier.expectedShare as { min?: number; max?: number } | undefined;
        const setShare = (bound: 'min' | 'max', v: number | undefined) =>
          edit((d) => setAt(d, ['tiers', i, 'expectedShare'], withShareBound(d.tiers[i]?.expectedShare, bound, v)));
        return (
          <Block key={i} title={t.l(tier.label)} color={tier.color}>
            <div className={styles.nameColour}>
              <LocalizedField
                path={pathOf(['tiers', i, 'label'])}
                claims={[pathOf(['tiers', i, 'id'])]}
                label={t.t('rulesTierName')}
                value={tier.label}
                onChange={(v) => edit((d) => setAt(d, ['tiers', i, 'label'], v))}
              />
              <ColourField
                index={i}
                color={tier.color}
                tierLabel={t.l(tier.label)}
                onChange={(c) => edit((d) => setAt(d, ['tiers', i, 'color'], c))}
              />
            </div>
            <div className={styles.pair}>
              <NumberField
                path={pathOf(['tiers', i, 'expectedShare', 'min'])}
                claims={[pathOf(['tiers', i, 'expectedShare'])]}
                label={t.t('rulesShareMin')}
                value={share?.min}
                scale={100}
                min={0}
                max={1}
                after="%"
                onCommit={(v) => setShare('min', v)}
              />
              <NumberField
                path={pathOf(['tiers', i, 'expectedShare', 'max'])}
                label={t.t('rulesShareMax')}
                value={share?.max}
                scale={100}
                min={0}
                max={1}
                after="%"
                onCommit={(v) => setShare('max', v)}
              />
            </div>
          </Block>
        );
      })}
      <Text className={styles.hint}>{t.t('rulesShareHint')}</Text>
    </div>
  );
}

function ColourField(props: { index: number; color: string; tierLabel: string; onChange(color: string): void }): ReactNode {
  const t = useT();
  const styles = useRulesStyles();
  const ref = useRef<HTMLInputElement>(null);
  const problems = useRulesField([pathOf(['tiers', props.index, 'color'])], false, ref);
  const message = problems.map((p) => t.l(p.message)).join('; ') || undefined;
  // <input type=color> only takes lower-case #rrggbb.
  const value = /^#[0-9a-f]{6}$/i.test(props.color) ? props.color.toLowerCase() : '#000000';
  return (
    <Field label={t.t('rulesTierColor')} validationState={message ? 'error' : 'none'} validationMessage={message}>
      {(fieldProps) => (
        <input
          {...fieldProps}
          ref={ref}
          type="color"
          className={styles.colour}
          value={value}
          title={t.t('rulesTierColorAria', { tier: props.tierLabel })}
          onChange={(e) => {
            // Keep the scheme's spelling when only the case differs.
            if (e.target.value.toLowerCase() !== props.color.toLowerCase()) props.onChange(e.target.value.toUpperCase());
          }}
        />
      )}
    </Field>
  );
}
