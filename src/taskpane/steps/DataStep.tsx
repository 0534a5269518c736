// Step 1 — Data: which sheet is graded, where its header is, and which column each metric is read from.
// Every mapping can be changed by a dropdown; problems (a missing or ambiguous column) are explained.
import { Badge, Button, Caption1, Dropdown, Field, MessageBar, MessageBarBody, MessageBarTitle, Option, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { DataView, Selection } from '../../run/session.ts';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { Section } from '../components/Section.tsx';
import type { PaneError } from '../../run/pane-api.ts';
import { useT, type Translator } from '../i18n.tsx';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
  related: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  dropdown: { minWidth: '0', width: '100%' },
});

export interface DataStepProps {
  view: DataView | null;
  loading: boolean;
  error: PaneError | null;
  selection: Selection;
  onSelectionChange(selection: Selection): void;
}

const NONE = '\u0000none';

function matchNote(t: Translator, view: DataView, field: DataView['fields'][number]): string {
  if (field.col === null) return field.fromRelated ? t.t('fromRelated', { sheet: field.fromRelated }) : t.t('missingField');
  const col = view.columns.find((c) => c.col === field.col);
  const parts: string[] = [];
  if (col?.matchedBy === 'explicit') parts.push(t.t('matchedExplicit'));
  else if (col?.matchedBy === 'criterion-column') parts.push(t.t('matchedCriterion'));
  else if (col?.matchedBy === 'contains' && col.synonym) parts.push(t.t('matchedContains', { synonym: col.synonym }));
  else if (col?.synonym) parts.push(t.t('matchedSynonym', { synonym: col.synonym }));
  if (col?.unitNote) parts.push(t.l(col.unitNote));
  return parts.join(' · ');
}

export function DataStep({ view, loading, error, selection, onSelectionChange }: DataStepProps) {
  const s = useStyles();
  const t = useT();
  if (!view) return loading ? <Spinner label={t.t('loading')} /> : <ErrorBar error={error} />;
  const sheets = view.sheets.filter((x) => x.role !== 'tierbook' && x.visible);
  const setMapping = (field: string, header: string | null) => {
    const mapping = { ...(selection.mapping ?? {}) };
    if (header === null) delete mapping[field];
    else mapping[field] = header;
    // A mapping belongs to its sheet: pin the sheet, so that a sheet which no longer maps says why instead of
    // the run quietly falling back to another sheet (or to the orders alone).
    onSelectionChange({ ...selection, ...(view.generated ? {} : { sheet: view.customerSheet }), mapping });
  };
  const errors = view.problems.filter((p) => p.severity === 'error');
  const warnings = view.problems.filter((p) => p.severity === 'warning');
  const sep = t.lang === 'zh-CN' ? '：' : ': ';
  // Problems about a field shown on screen stand beside it; the rest are listed below the mapping.
  const shownFields = new Set(view.generated ? [] : view.fields.map((f) => f.field));
  const unplaced = [...errors, ...warnings].filter((p) => !p.field || !shownFields.has(p.field) || p.severity === 'warning');
  return (
    <div className={s.step}>
      <Text>{t.t('dataIntro')}</Text>
      <ErrorBar error={error} />
      <Field label={t.t('customerSheet')} hint={view.generated ? t.t('generatedCustomers', { count: view.customers, sheet: view.customerSheet }) : view.customers ? t.t('headerFound', { row: view.headerRow, count: view.customers }) : undefined}>
        <Dropdown
          className={s.dropdown}
          value={view.generated ? (view.related.orders ?? '') : view.customerSheet}
          selectedOptions={[view.generated ? (view.related.orders ?? '') : view.customerSheet]}
          onOptionSelect={(_, d) => d.optionValue && onSelectionChange({ sheet: d.optionValue })}
        >
          {sheets.map((x) => (
            <Option key={x.name} value={x.name} text={x.name}>
              {x.name} ({t.t('rowsShown', { rows: x.rows })})
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div>
        <Caption1 as="p">{t.t('relatedSheets')}</Caption1>
        <div className={s.related}>
          {view.related.orders && <Badge appearance="tint">{t.t('roleOrders')}{sep}{view.related.orders}</Badge>}
          {view.related.interactions && <Badge appearance="tint">{t.t('roleInteractions')}{sep}{view.related.interactions}</Badge>}
          {view.related.satisfaction && <Badge appearance="tint">{t.t('roleSatisfaction')}{sep}{view.related.satisfaction}</Badge>}
          {!view.related.orders && !view.related.interactions && !view.related.satisfaction && <Text size={200}>{t.t('noRelated')}</Text>}
        </div>
      </div>
      {view.blocking && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.t('cannotGrade')}</MessageBarTitle>
            <span style={{ whiteSpace: 'pre-wrap' }}>{t.l(view.blocking)}</span>
          </MessageBarBody>
        </MessageBar>
      )}
      {!view.generated && (
        <Section title={t.t('mappingTitle')} id="mapping-title">
          <div className={s.fields}>
            {view.fields.map((f) => {
              const current = f.col === null ? null : view.columns.find((c) => c.col === f.col);
              const problem = errors.find((p) => p.field === f.field);
              const label = `${t.l(f.label)}${f.required ? ` (${t.t('requiredMark')})` : ''}`;
              return (
                <Field
                  key={f.field}
                  label={label}
                  hint={problem ? undefined : matchNote(t, view, f)}
                  validationState={problem ? 'error' : f.col === null && f.required && !f.fromRelated ? 'warning' : 'none'}
                  validationMessage={problem ? t.l(problem.message) : undefined}
                  data-field={f.field}
                >
                  <Dropdown
                    className={s.dropdown}
                    value={current ? `${current.letter} · ${current.header}` : f.fromRelated ? t.t('fromRelated', { sheet: f.fromRelated }) : t.t('notUsed')}
                    selectedOptions={[current ? current.header : NONE]}
                    onOptionSelect={(_, d) => d.optionValue !== undefined && setMapping(f.field, d.optionValue === NONE ? '' : d.optionValue)}
                  >
                    <Option value={NONE} text={t.t('notUsed')}>
                      {t.t('notUsed')}
                    </Option>
                    {view.columns.map((c) => (
                      <Option key={c.col} value={c.header} text={`${c.letter} · ${c.header}`}>
                        {`${c.letter} · ${c.header}`}
                      </Option>
                    ))}
                  </Dropdown>
                </Field>
              );
            })}
          </div>
          {selection.mapping && Object.keys(selection.mapping).length > 0 && (
            <Button onClick={() => onSelectionChange({ ...selection, mapping: {} })}>{t.t('resetMapping')}</Button>
          )}
        </Section>
      )}
      {unplaced.length > 0 && (
        <Section title={t.t('mappingProblems')} id="mapping-problems">
          {unplaced.map((p, i) => (
            <MessageBar key={i} intent={p.severity === 'error' ? 'error' : 'warning'} layout="multiline">
              <MessageBarBody>{t.l(p.message)}</MessageBarBody>
            </MessageBar>
          ))}
        </Section>
      )}
      {loading && <Spinner size="tiny" label={t.t('loading')} />}
    </div>
  );
}
