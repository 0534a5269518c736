// Step 2, the rules: choose a preset or edit tiers, criteria, thresholds, benefits and review policy.
// The editor keeps a draft that may be invalid; every change is checked with checkScheme, problems show
// beside their fields, and the scheme in force follows the draft whenever it is valid again.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  CounterBadge,
  Dropdown,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { Dismiss20Regular, DocumentTable20Regular, Save20Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState, type JSX, type ReactNode } from 'react';
import { getPreset, listPresets } from '../../core/scheme/presets/index.ts';
import type { Scheme } from '../../core/scheme/schema.ts';
import { checkScheme, formatProblem, type SchemeCheck, type SchemeProblem } from '../../core/scheme/validate.ts';
import { toPaneError, type TierBookApi } from '../../run/pane-api.ts';
import { useT, type Translator } from '../i18n.tsx';
import type { StringKey } from '../strings.ts';
import { BenefitsEditor } from './rules/BenefitsEditor.tsx';
import { RulesContext, type FieldRegistration, type RulesEditorContext } from './rules/context.tsx';
import { CriteriaTable } from './rules/CriteriaTable.tsx';
import { claimCovers, cloneScheme, sameScheme, sectionOf, subjectOf, type Draft, type SectionId } from './rules/draft.ts';
import { ModeEditor } from './rules/ModeEditor.tsx';
import { ReviewPolicy } from './rules/ReviewPolicy.tsx';
import { SchemeFile } from './rules/SchemeFile.tsx';
import { TiersTable } from './rules/TiersTable.tsx';

export interface RulesStepProps {
  scheme: Scheme; // the scheme in force (always valid)
  onSchemeChange(scheme: Scheme): void; // call whenever the edited draft is valid again (the preview re-grades on it)
  api: Pick<TierBookApi, 'rules' | 'saveRules'>;
  /** Optional extra actions the shell puts in the toolbar (e.g. "copy as SQL"); render them if given. */
  extraActions?: React.ReactNode;
}

const SECTIONS: readonly {
  id: SectionId;
  title: StringKey;
  Editor: (p: { draft: Draft; edit(recipe: (d: Draft) => Draft): void }) => ReactNode;
}[] = [
  { id: 'thresholds', title: 'rulesSectionThresholds', Editor: ModeEditor },
  { id: 'tiers', title: 'rulesSectionTiers', Editor: TiersTable },
  { id: 'criteria', title: 'rulesSectionCriteria', Editor: CriteriaTable },
  { id: 'benefits', title: 'rulesSectionBenefits', Editor: BenefitsEditor },
  { id: 'review', title: 'rulesSectionReview', Editor: ReviewPolicy },
];

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM, minWidth: 0 },
  fill: { width: '100%', minWidth: 0 },
  option: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  optionHint: { color: tokens.colorNeutralForeground3 },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXS,
  },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  header: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  panel: { paddingBottom: tokens.spacingVerticalM, minWidth: 0 },
});

interface EditorState {
  draft: Draft;
  check: SchemeCheck;
}

function stateOf(draft: Draft): EditorState {
  return { draft, check: checkScheme(draft) };
}

/** A message above the editor; its text is built at render time so it follows the language switch. */
interface Notice {
  intent: 'success' | 'info' | 'warning' | 'error';
  text(t: Translator): { title: string; lines?: string[] };
  /** The draft the action replaced, for "undo". */
  undo?: Draft;
}

export function RulesStep({ scheme, onSchemeChange, api, extraActions }: RulesStepProps): JSX.Element {
  const t = useT();
  const styles = useStyles();
  const presets = useMemo(() => listPresets(), []);

  const [state, setState] = useState(() => stateOf(cloneScheme(scheme)));
  const current = useRef(state);
  const emitted = useRef(scheme);
  const onChange = useRef(onSchemeChange);
  useEffect(() => {
    onChange.current = onSchemeChange;
  }, [onSchemeChange]);

  const commit = useCallback((draft: Draft, emit: boolean) => {
    const next = stateOf(draft);
    current.current = next;
    setState(next);
    if (emit && next.check.ok) {
      emitted.current = next.check.scheme;
      onChange.current(next.check.scheme);
    }
  }, []);
  const edit = useCallback((recipe: (d: Draft) => Draft) => commit(recipe(current.current.draft), true), [commit]);

  // The shell changed the scheme in force (not by echoing ours back): edit that one from now on.
  useEffect(() => {
    if (sameScheme(scheme, emitted.current)) return;
    emitted.current = scheme;
    if (!sameScheme(scheme, current.current.draft)) commit(cloneScheme(scheme), false);
  }, [scheme, commit]);

  // ---- fields on screen, for placing problems and holding back saves ----
  const [fields, setFields] = useState<ReadonlyMap<string, FieldRegistration>>(() => new Map());
  const register = useCallback((id: string, field: FieldRegistration | null) => {
    setFields((prev) => {
      if (!field && !prev.has(id)) return prev;
      const next = new Map(prev);
      if (field) next.set(id, field);
      else next.delete(id);
      return next;
    });
  }, []);
  const problems = useMemo(() => (state.check.ok ? [] : state.check.problems), [state.check]);
  const context = useMemo<RulesEditorContext>(() => ({ problems, register }), [problems, register]);
  const registered = [...fields.values()];
  const unplaced = problems.filter((p) => !registered.some((f) => f.claims.some((c) => claimCovers(c, p.path))));
  const unreadable = registered.filter((f) => f.invalid).length;
  const valid = state.check.ok && unreadable === 0;

  // ---- sections, and "show" for a problem in a closed one ----
  const [open, setOpen] = useState<SectionId[]>(['thresholds']);
  const [focusing, setFocusing] = useState<{ path: string; at: number } | null>(null);
  useEffect(() => {
    if (!focusing) return;
    const field = registered.find((f) => f.claims.some((c) => claimCovers(c, focusing.path)));
    // Give up quietly if the field never appears, rather than stealing focus later.
    if (field || Date.now() - focusing.at > 2000) {
      field?.focus();
      setFocusing(null);
    }
  }, [focusing, registered]);
  const reveal = (path: string) => {
    const section = sectionOf(path);
    if (section && !open.includes(section)) setOpen([...open, section]);
    setFocusing({ path, at: Date.now() });
  };

  // ---- replacing the draft: presets, the rules sheet, files ----
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState<'load' | 'save' | null>(null);
  const replace = (next: Scheme, text: Notice['text']) => {
    const previous = current.current.draft;
    commit(cloneScheme(next), true);
    setNotice({ intent: 'success', text, ...(sameScheme(previous, next) ? {} : { undo: previous }) });
  };
  const problemLines = (list: readonly SchemeProblem[]) => (tt: Translator) => list.map((p) => formatProblem(p, tt.lang));

  const load = async () => {
    setBusy('load');
    setNotice(null);
    try {
      const view = await api.rules();
      const sheet = view.sheet;
      if (sheet === null) setNotice({ intent: 'info', text: (tt) => ({ title: tt.t('rulesNoSheet') }) });
      else if (view.scheme) replace(view.scheme, (tt) => ({ title: tt.t('rulesLoaded', { sheet }) }));
      else
        setNotice({
          intent: 'error',
          // Paths here are cells of the rules sheet (规则!B7), so the user can find them.
          text: (tt) => ({ title: tt.t('rulesLoadFailed', { sheet }), lines: view.problems.map((p) => `${p.path}: ${tt.l(p.message)}`) }),
        });
    } catch (e) {
      const err = toPaneError(e);
      setNotice({ intent: 'error', text: (tt) => ({ title: tt.t('rulesLoadError'), lines: [tt.l(err.text)] }) });
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    const check = current.current.check;
    if (!check.ok) return;
    setBusy('save');
    setNotice(null);
    try {
      const sheet = await api.saveRules(check.scheme);
      setNotice({ intent: 'success', text: (tt) => ({ title: tt.t('rulesSaved', { sheet }) }) });
    } catch (e) {
      const err = toPaneError(e);
      setNotice({ intent: 'error', text: (tt) => ({ title: tt.t('rulesSaveFailed'), lines: [tt.l(err.text)] }) });
    } finally {
      setBusy(null);
    }
  };

  const draft = state.draft;
  const isPreset = presets.some((p) => p.id === draft.id);
  const noticeText = notice?.text(t);
  const toFix = problems.length + unreadable;
  const where = (p: SchemeProblem): string => {
    const section = SECTIONS.find((s) => s.id === sectionOf(p.path));
    const subject = subjectOf(p.path, draft);
    if (!section) return p.path || t.t('rulesWhereScheme');
    return subject ? `${t.t(section.title)} · ${t.l(subject)}` : t.t(section.title);
  };

  return (
    <RulesContext.Provider value={context}>
      <div className={styles.root}>
        <Field label={t.t('rulesPreset')} hint={t.t('rulesPresetHint')}>
          <Dropdown
            className={styles.fill}
            value={t.l(draft.name)}
            selectedOptions={isPreset ? [draft.id] : []}
            onOptionSelect={(_e, data) => {
              const preset = data.optionValue ? getPreset(data.optionValue) : undefined;
              if (preset) replace(preset, (tt) => ({ title: tt.t('rulesPresetApplied', { name: tt.l(preset.name) }) }));
            }}
          >
            {presets.map((p) => (
              <Option key={p.id} value={p.id} text={t.l(p.name)}>
                <div className={styles.option}>
                  <span>{t.l(p.name)}</span>
                  {p.description && <Caption1 className={styles.optionHint}>{t.l(p.description)}</Caption1>}
                </div>
              </Option>
            ))}
          </Dropdown>
        </Field>

        {/* Plain buttons, not a Fluent Toolbar: its arrow-key mover plants focusable aria-hidden
            elements that axe reports as serious (aria-hidden-focus). */}
        <div role="group" aria-label={t.t('rulesActions')} className={styles.actions}>
          <Button
            size="small"
            appearance="subtle"
            icon={busy === 'load' ? <Spinner size="extra-tiny" aria-label={t.t('rulesBusy')} /> : <DocumentTable20Regular />}
            disabled={busy !== null}
            onClick={() => void load()}
          >
            {t.t('rulesLoad')}
          </Button>
          <Button
            size="small"
            appearance="subtle"
            icon={busy === 'save' ? <Spinner size="extra-tiny" aria-label={t.t('rulesBusy')} /> : <Save20Regular />}
            disabled={busy !== null || !valid}
            onClick={() => void save()}
          >
            {t.t('rulesSave')}
          </Button>
          <SchemeFile
            scheme={valid && state.check.ok ? state.check.scheme : null}
            disabled={busy !== null}
            onImport={(s, file) => replace(s, (tt) => ({ title: tt.t('rulesImported', { name: tt.l(s.name) }), lines: [file] }))}
            onImportError={(file, list) =>
              setNotice({ intent: 'error', text: (tt) => ({ title: tt.t('rulesImportFailed', { file }), lines: problemLines(list)(tt) }) })
            }
            onExported={(file) => setNotice({ intent: 'success', text: (tt) => ({ title: tt.t('rulesExported', { file }) }) })}
            onCopied={() => setNotice({ intent: 'success', text: (tt) => ({ title: tt.t('rulesCopiedJson') }) })}
          />
          {extraActions}
        </div>

        {notice && noticeText && (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{noticeText.title}</MessageBarTitle>
              {noticeText.lines && noticeText.lines.length > 0 && (
                <ul className={styles.list}>
                  {noticeText.lines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              )}
            </MessageBarBody>
            <MessageBarActions
              containerAction={
                <Button
                  appearance="transparent"
                  size="small"
                  icon={<Dismiss20Regular />}
                  aria-label={t.t('rulesDismiss')}
                  onClick={() => setNotice(null)}
                />
              }
            >
              {notice.undo && (
                <Button
                  size="small"
                  onClick={() => {
                    if (notice.undo) commit(notice.undo, true);
                    setNotice(null);
                  }}
                >
                  {t.t('rulesUndo')}
                </Button>
              )}
            </MessageBarActions>
          </MessageBar>
        )}

        {toFix > 0 && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t.t('rulesProblemsTitle', { n: toFix })}</MessageBarTitle>
              {unplaced.length > 0 && (
                <ul className={styles.list}>
                  {unplaced.map((p, i) => {
                    const section = sectionOf(p.path);
                    const place = where(p);
                    return (
                      <li key={i}>
                        {place}：{t.l(p.message)}{' '}
                        {section && !open.includes(section) && (
                          <Link as="button" onClick={() => reveal(p.path)} aria-label={t.t('rulesShowAria', { where: place })}>
                            {t.t('rulesShow')}
                          </Link>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </MessageBarBody>
          </MessageBar>
        )}

        <Accordion multiple collapsible openItems={open} onToggle={(_e, data) => setOpen(data.openItems as SectionId[])}>
          {SECTIONS.map(({ id, title, Editor }) => {
            const count = problems.filter((p) => sectionOf(p.path) === id).length;
            return (
              <AccordionItem key={id} value={id}>
                <AccordionHeader as="h3" expandIconPosition="end">
                  <span className={styles.header}>
                    {t.t(title)}
                    {count > 0 && (
                      <CounterBadge count={count} color="danger" size="small" aria-label={t.t('rulesSectionProblems', { n: count })} />
                    )}
                  </span>
                </AccordionHeader>
                <AccordionPanel className={styles.panel} role="region" aria-label={t.t(title)}>
                  <Editor draft={draft} edit={edit} />
                </AccordionPanel>
              </AccordionItem>
            );
          })}
        </Accordion>
      </div>
    </RulesContext.Provider>
  );
}
