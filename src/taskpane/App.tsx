// The task pane: six steps, one screen each, always able to go back. State lives here; the steps receive
// data and callbacks, and every workbook operation goes through the host's TierBookApi.
import { Button, Spinner, Tab, TabList, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { periodLabel } from '../core/aggregate/period.ts';
import type { Lang, Scheme } from '../core/index.ts';
import { DEFAULT_PRESET_ID } from '../core/scheme/presets/default.ts';
import { toPaneError, type ApplyView, type Cancellable, type DataView, type PaneError, type PreviewView, type Progress, type Selection, type SummariesView, type TierBookApi } from '../run/pane-api.ts';
import { LangContext, translator } from './i18n.tsx';
import { AdviseButton } from './components/AdviseButton.tsx';
import { CopySqlButton } from './components/CopySqlButton.tsx';
import { ApplyStep } from './steps/ApplyStep.tsx';
import { DataStep } from './steps/DataStep.tsx';
import { HandbookStep } from './steps/HandbookStep.tsx';
import { PreviewStep } from './steps/PreviewStep.tsx';
import { SummariesStep } from './steps/SummariesStep.tsx';
import type { StringKey } from './strings.ts';

// The rules editor is the largest step: loaded when first opened, not with the pane.
const RulesStep = lazy(() => import('./steps/RulesStep.tsx').then((m) => ({ default: m.RulesStep })));

const STEPS = ['data', 'rules', 'preview', 'apply', 'summaries', 'handbook'] as const;
type Step = (typeof STEPS)[number];
const STEP_LABEL: Record<Step, StringKey> = {
  data: 'stepData',
  rules: 'stepRules',
  preview: 'stepPreview',
  apply: 'stepApply',
  summaries: 'stepSummaries',
  handbook: 'stepHandbook',
};


/**
 * The scheme as it is written to the workbook. A preset's description quotes its thresholds; once they are
 * edited it would contradict the rules in the handbook and the rules sheet, so it is left out then.
 */
export async function forWriting(scheme: Scheme): Promise<Scheme> {
  if (!scheme.description) return scheme;
  const { getPreset } = await import('../core/scheme/presets/index.ts');
  const preset = getPreset(scheme.id);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!preset || !same(preset.description, scheme.description) || (same(preset.mode, scheme.mode) && same(preset.criteria, scheme.criteria))) return scheme;
  const { description: _stale, ...rest } = scheme;
  return rest as Scheme;
}

/** Field → the header it is read from, for "copy as SQL". */
function mappedHeaders(view: DataView | null): Record<string, string> {
  if (!view) return {};
  const out: Record<string, string> = {};
  for (const f of view.fields) {
    const col = f.col === null ? undefined : view.columns.find((c) => c.col === f.col);
    if (col) out[f.field] = col.header;
  }
  return out;
}

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', minHeight: '100%', minWidth: 0, backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  tabs: { padding: `0 ${tokens.spacingHorizontalXS}` },
  body: { flexGrow: 1, padding: tokens.spacingHorizontalM, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  footer: { display: 'flex', justifyContent: 'space-between', padding: tokens.spacingHorizontalM, borderTop: `1px solid ${tokens.colorNeutralStroke2}`, position: 'sticky', bottom: 0, backgroundColor: tokens.colorNeutralBackground1 },
  scheme: { color: tokens.colorNeutralForeground3, margin: 0 },
  // Title above the scheme name (Fluent's text components are inline), sized for a 320–450 px pane.
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  title: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, margin: 0 },
  // At the narrowest widths the six steps wrap onto a second row rather than hide behind a scroll.
  tabList: { flexWrap: 'wrap' },
  strip: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalM },
});

export interface AppProps {
  api: TierBookApi;
  lang: Lang;
  onLangChange(lang: Lang): void;
  /** Today as an Excel serial, for the default period label. */
  today: number;
}

/** Run `f` after `ms` of quiet; the latest call wins. */
function useDebounced(ms: number) {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  return useCallback(
    (f: () => void) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(f, ms);
    },
    [ms],
  );
}

export function App({ api, lang, onLangChange, today }: AppProps) {
  const s = useStyles();
  const t = useMemo(() => translator(lang), [lang]);
  const [step, setStep] = useState<Step>('data');
  const [scheme, setScheme] = useState<Scheme | null>(null);
  const [selection, setSelection] = useState<Selection>({});
  const [data, setData] = useState<{ view: DataView | null; loading: boolean; error: PaneError | null }>({ view: null, loading: true, error: null });
  const [preview, setPreview] = useState<{ view: PreviewView | null; loading: boolean; error: PaneError | null }>({ view: null, loading: false, error: null });
  const [apply, setApply] = useState<{ result: ApplyView | null; running: boolean; progress: Progress | null; error: PaneError | null }>({ result: null, running: false, progress: null, error: null });
  const [period, setPeriod] = useState('');
  const [summaries, setSummaries] = useState<{ result: SummariesView | null; running: boolean; progress: Progress | null; error: PaneError | null }>({ result: null, running: false, progress: null, error: null });
  const [handbook, setHandbook] = useState<{ sheet: string | null; running: boolean; error: PaneError | null }>({ sheet: null, running: false, error: null });
  const running = useRef<Cancellable<unknown> | null>(null);
  const [revision, setRevision] = useState(0); // bumps after every write: views re-read
  const debounce = useDebounced(200);
  // Preview, Apply and Summaries grade for the same period, so their tiers agree.
  const graded = useMemo(() => ({ ...selection, period: period.trim() }), [selection, period]);
  const requestId = useRef(0);

  useEffect(() => api.setLang(lang), [api, lang]);

  // The scheme in force: the workbook's rules sheet when it has one, else the default preset.
  useEffect(() => {
    let live = true;
    // The presets (and zod with them) load with the first scheme, not with the pane.
    const preset = () => import('../core/scheme/presets/index.ts').then((m) => m.getPreset(DEFAULT_PRESET_ID)!);
    api
      .rules()
      .then((r) => r.scheme ?? preset(), preset)
      .then((x) => live && setScheme(x));
    return () => void (live = false);
  }, [api]);

  // The default period, set once the data is read: the one holding the data's latest date (today when the
  // data holds no date), at the scheme's review cadence. The user may change or clear it.
  const periodSet = useRef(false);
  const dataAsOf = data.view ? (data.view.asOf ?? today) : null;
  useEffect(() => {
    if (scheme && dataAsOf !== null && !periodSet.current) {
      periodSet.current = true;
      setPeriod(periodLabel(dataAsOf, scheme.review.period));
    }
  }, [scheme, dataAsOf]);

  // Data view: re-read when the sheet, the mapping or the metrics graded change.
  const metricsKey = scheme ? scheme.criteria.map((c) => c.metric).join(',') : '';
  useEffect(() => {
    if (!scheme) return;
    let live = true;
    setData((d) => ({ ...d, loading: true }));
    api.inspect(scheme, selection).then(
      (view) => live && setData({ view, loading: false, error: null }),
      (e: unknown) => live && setData({ view: null, loading: false, error: toPaneError(e) }),
    );
    return () => void (live = false);
  }, [api, selection, metricsKey, revision]);

  // What-if preview: re-graded (in memory) whenever the rules change, while the rules or preview are shown.
  const wantsPreview = step === 'rules' || step === 'preview';
  useEffect(() => {
    if (!scheme || !wantsPreview || !data.view || data.view.blocking) return;
    const id = ++requestId.current;
    setPreview((p) => ({ ...p, loading: true }));
    debounce(() => {
      api.preview(scheme, graded).then(
        (view) => id === requestId.current && setPreview({ view, loading: false, error: null }),
        (e: unknown) => id === requestId.current && setPreview({ view: null, loading: false, error: toPaneError(e) }),
      );
    });
  }, [api, scheme, graded, wantsPreview, data.view, debounce, revision]);

  const start = <T,>(op: Cancellable<T>) => {
    running.current = op as Cancellable<unknown>;
    return op.promise.finally(() => {
      if (running.current === (op as Cancellable<unknown>)) running.current = null;
    });
  };

  const onApply = async () => {
    if (!scheme) return;
    const written = await forWriting(scheme);
    setApply({ result: null, running: true, progress: null, error: null });
    start(api.apply(written, graded, (progress) => setApply((a) => ({ ...a, progress })))).then(
      (result) => {
        setApply({ result, running: false, progress: null, error: null });
        setRevision((r) => r + 1);
      },
      (e: unknown) => setApply({ result: null, running: false, progress: null, error: toPaneError(e) }),
    );
  };

  const onSummaries = async () => {
    if (!scheme) return;
    const written = await forWriting(scheme);
    setSummaries({ result: null, running: true, progress: null, error: null });
    start(api.summaries(written, graded, period.trim(), (progress) => setSummaries((x) => ({ ...x, progress })))).then(
      (result) => {
        setSummaries({ result, running: false, progress: null, error: null });
        setRevision((r) => r + 1);
      },
      (e: unknown) => setSummaries({ result: null, running: false, progress: null, error: toPaneError(e) }),
    );
  };

  const onHandbook = () => {
    if (!scheme) return;
    setHandbook({ sheet: null, running: true, error: null });
    forWriting(scheme).then((written) => api.handbook(written)).then(
      (sheet) => {
        setHandbook({ sheet, running: false, error: null });
        setRevision((r) => r + 1);
      },
      (e: unknown) => setHandbook({ sheet: null, running: false, error: toPaneError(e) }),
    );
  };

  const rulesApi = useMemo(() => ({ rules: () => api.rules(), saveRules: async (x: Scheme) => api.saveRules(await forWriting(x)) }), [api]);
  const adviseApi = useMemo(() => ({ advise: (x: Scheme, sel: Selection) => api.advise(x, sel), saveRules: rulesApi.saveRules }), [api, rulesApi]);
  const onAdviceAccepted = (x: Scheme) => {
    setScheme(x);
    setRevision((r) => r + 1);
  };
  const showCell = (sheet: string, cell: string) => void api.showCell(sheet, cell).catch(() => {});
  const index = STEPS.indexOf(step);
  const blocked = !data.view || !!data.view.blocking;
  // Said next to a disabled Apply: what stops it, and where to fix it (the data step explains in full).
  const unmapped = (data.view?.fields ?? []).filter((f) => f.required && f.col === null && !f.fromRelated).map((f) => t.l(f.label));
  const blockedReason = !blocked
    ? null
    : unmapped.length > 0
      ? t.t('applyWhyMissing', { fields: unmapped.join(lang === 'zh-CN' ? '、' : ', ') })
      : data.view || data.error
        ? t.t('applyWhyData')
        : t.t('applyWhyLoading');

  return (
    <LangContext.Provider value={lang}>
      <div className={s.pane} lang={lang}>
        <header className={s.header}>
          <div className={s.titles}>
            <Title3 as="h1" className={s.title}>
              {t.t('appTitle')}
            </Title3>
            {scheme && (
              <Text as="p" size={200} className={s.scheme}>
                {t.t('schemeInUse', { name: t.l(scheme.name) })}
              </Text>
            )}
          </div>
          <Button size="small" onClick={() => onLangChange(lang === 'zh-CN' ? 'en-US' : 'zh-CN')} title={t.t('switchLanguageLabel')} lang={lang === 'zh-CN' ? 'en' : 'zh'}>
            {t.t('switchLanguage')}
          </Button>
        </header>
        <nav className={s.tabs} aria-label={t.t('stepsLabel')}>
          <TabList size="small" className={s.tabList} selectedValue={step} onTabSelect={(_, d) => setStep(d.value as Step)}>
            {STEPS.map((x, i) => (
              <Tab key={x} value={x} data-step={x}>
                {`${i + 1} ${t.t(STEP_LABEL[x])}`}
              </Tab>
            ))}
          </TabList>
        </nav>
        <main className={s.body} aria-label={t.t(STEP_LABEL[step])}>
          {!scheme && <Spinner label={t.t('loading')} />}
          {scheme && step === 'data' && <DataStep view={data.view} loading={data.loading} error={data.error} selection={selection} onSelectionChange={setSelection} />}
          {scheme && step === 'rules' && (
            <Suspense fallback={<Spinner label={t.t('loading')} />}>
              <RulesStep
                scheme={scheme}
                onSchemeChange={setScheme}
                api={rulesApi}
                extraActions={
                  <>
                    <CopySqlButton scheme={scheme} columns={mappedHeaders(data.view)} />
                    <AdviseButton scheme={scheme} selection={graded} api={adviseApi} onAccept={onAdviceAccepted} disabled={blocked} />
                  </>
                }
              />
              {!blocked && (
                <div className={s.strip}>
                  <PreviewStep preview={preview.view} loading={preview.loading} error={preview.error} compact />
                </div>
              )}
            </Suspense>
          )}
          {scheme && step === 'preview' && (
            <PreviewStep preview={preview.view} loading={preview.loading} error={data.view?.blocking ? { code: 'mapping', text: data.view.blocking } : preview.error} onShowCell={showCell} />
          )}
          {scheme && step === 'apply' && (
            <ApplyStep period={period} asOf={data.view?.asOf ?? null} onPeriodChange={setPeriod} {...apply} disabled={blocked} disabledReason={blockedReason} onApply={() => void onApply()} onCancel={() => running.current?.cancel()} onShowCell={showCell} />
          )}
          {scheme && step === 'summaries' && (
            <SummariesStep period={period} onPeriodChange={setPeriod} {...summaries} disabled={blocked} onBuild={() => void onSummaries()} onCancel={() => running.current?.cancel()} onShowCell={showCell} />
          )}
          {scheme && step === 'handbook' && <HandbookStep {...handbook} onGenerate={onHandbook} />}
        </main>
        <footer className={s.footer}>
          <Button onClick={() => setStep(STEPS[index - 1]!)} disabled={index === 0}>
            {t.t('back')}
          </Button>
          <Button appearance="primary" onClick={() => setStep(STEPS[index + 1]!)} disabled={index === STEPS.length - 1}>
            {t.t('next')}
          </Button>
        </footer>
      </div>
    </LangContext.Provider>
  );
}
