// The standalone page: the same task pane beside a grid of the workbook, over a file opened in the browser
// (or the bundled sample). Grading runs in a Web Worker; the result downloads as .xlsx.
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Tab, TabList, Text, Title3, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, FolderOpenRegular, TableRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import type { Lang } from '../../core/index.ts';
import { StandaloneWorkbook } from '../../hosts/browser/standalone-api.ts';
import { App } from '../App.tsx';
import { toPaneError, type PaneError } from '../../run/pane-api.ts';
import { ErrorBar } from '../components/ErrorBar.tsx';
import { LangContext, translator } from '../i18n.tsx';

// The grid (with numfmt and the virtualiser) loads on its own once a workbook is open: the first paint stays light.
const Grid = lazy(() => import('./Grid.tsx').then((m) => ({ default: m.Grid })));

const useStyles = makeStyles({
  page: { display: 'grid', gridTemplateRows: 'auto 1fr', height: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, backgroundColor: tokens.colorNeutralBackground1, borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  file: { color: tokens.colorNeutralForeground3, flexGrow: 1, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  main: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 380px',
    minHeight: 0,
    '@media (max-width: 820px)': { gridTemplateColumns: '1fr', gridTemplateRows: 'minmax(0, 1fr)' },
  },
  // At a task pane's width the grid and the pane take turns on the whole screen (the switch in the bar).
  narrowOnly: { display: 'none', '@media (max-width: 820px)': { display: 'flex' } },
  narrowHidden: { '@media (max-width: 820px)': { display: 'none' } },
  grid: { minWidth: 0, minHeight: 0, display: 'flex', flexDirection: 'column', borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  pane: { overflowY: 'auto', minWidth: 0, backgroundColor: tokens.colorNeutralBackground1 },
  drop: { margin: tokens.spacingHorizontalXXL, padding: tokens.spacingHorizontalXXL, border: `2px dashed ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusLarge, textAlign: 'center' },
  hidden: { display: 'none' },
  title: { '@media (max-width: 820px)': { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 } },
});

interface BundledWorkbook {
  /** Relative to the page, e.g. assets/TierBook-示例.xlsx. */
  file: string;
  lang: Lang;
  kind: 'sample' | 'template';
  title_zh: string;
  title_en: string;
}

export interface StandaloneProps {
  lang: Lang;
  onLangChange(lang: Lang): void;
  today: number;
  makeWorker(): Worker;
}

function download(bytes: Uint8Array, name: string) {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function gradedName(fileName: string): string {
  return `${fileName.replace(/\.(xlsx|xlsm|csv|tsv|txt)$/i, '')}.graded.xlsx`;
}

export function Standalone({ lang, onLangChange, today, makeWorker }: StandaloneProps) {
  const s = useStyles();
  const t = useMemo(() => translator(lang), [lang]);
  const [target, setTarget] = useState<{ sheet: string; cell: string; seq: number } | null>(null);
  const [narrowView, setNarrowView] = useState<'grid' | 'pane'>('pane');
  const api = useMemo(() => new StandaloneWorkbook(makeWorker, lang, (sheet, cell) => setTarget((x) => ({ sheet, cell, seq: (x?.seq ?? 0) + 1 })), today), [makeWorker, today]);
  const [opened, setOpened] = useState<{ name: string; key: number } | null>(null);
  const [revision, setRevision] = useState(0);
  const [error, setError] = useState<PaneError | null>(null);
  const [bundled, setBundled] = useState<BundledWorkbook[]>([]);
  const input = useRef<HTMLInputElement>(null);
  // A data issue's cell button shows the grid, also where the grid and the pane take turns.
  useEffect(() => {
    if (target) setNarrowView('grid');
  }, [target]);

  useEffect(() => () => api.dispose(), [api]);
  useEffect(() => api.subscribe(() => setRevision((r) => r + 1)), [api]);
  useEffect(() => {
    fetch('assets/workbooks.json')
      .then((r) => (r.ok ? (r.json() as Promise<BundledWorkbook[]>) : []))
      .then(setBundled, () => setBundled([]));
  }, []);

  // A first visit shows the product at work: the sample of the user's language opens by itself
  // (?sample=none keeps the page empty), unless the user opened a file first.
  const autoOpened = useRef(false);
  useEffect(() => {
    if (autoOpened.current || bundled.length === 0 || new URLSearchParams(location.search).get('sample') === 'none') return;
    autoOpened.current = true;
    const sample = bundled.find((w) => w.kind === 'sample' && w.lang === lang) ?? bundled.find((w) => w.kind === 'sample');
    if (sample && !api.isOpen) void openBundled(sample, () => !api.isOpen);
  }, [bundled]);

  const open = async (bytes: Uint8Array, name: string) => {
    setError(null);
    try {
      await api.open(bytes, name);
      setOpened((o) => ({ name, key: (o?.key ?? 0) + 1 }));
    } catch (e) {
      const err = toPaneError(e);
      setError({ code: err.code, text: { 'zh-CN': `${translator('zh-CN').t('openFailed', { file: name })}：${err.text['zh-CN']}`, 'en-US': `${translator('en-US').t('openFailed', { file: name })}: ${err.text['en-US']}` } });
    }
  };
  const openFile = async (file: File) => open(new Uint8Array(await file.arrayBuffer()), file.name);
  const openBundled = async (w: BundledWorkbook, stillWanted: () => boolean = () => true) => {
    const file = w.file.split('/').pop()!;
    const failed = (status: (l: Lang) => string) =>
      setError({ code: 'sample', text: { 'zh-CN': translator('zh-CN').t('sampleFetchFailed', { file, status: status('zh-CN') }), 'en-US': translator('en-US').t('sampleFetchFailed', { file, status: status('en-US') }) } });
    let r: Response;
    try {
      r = await fetch(encodeURI(w.file));
    } catch {
      return failed((l) => translator(l).t('networkError'));
    }
    if (!r.ok) return failed(() => `HTTP ${r.status}`);
    const bytes = new Uint8Array(await r.arrayBuffer());
    if (stillWanted()) await open(bytes, file);
  };
  // Downloading is for a graded workbook: until then the button says why it is off, then the file it saves
  // (a tooltip, which is also the button's description).
  const downloadWhy = !opened ? t.t('noWorkbook') : api.graded ? null : t.t('downloadNotGraded');
  const samples = [...bundled].sort((a, b) => Number(b.lang === lang) - Number(a.lang === lang));

  return (
    <LangContext.Provider value={lang}>
      <div className={s.page} lang={lang}>
        <div className={s.bar} role="toolbar" aria-label={t.t('standaloneTitle')}>
          <TableRegular aria-hidden="true" />
          <Title3 as="h1" className={s.title}>
            {t.t('standaloneTitle')}
          </Title3>
          <input
            ref={input}
            className={s.hidden}
            type="file"
            accept=".xlsx,.xlsm,.csv,.tsv,.txt"
            aria-label={t.t('openFile')}
            data-testid="file-input"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) void openFile(f);
              e.target.value = '';
            }}
          />
          <Button icon={<FolderOpenRegular />} onClick={() => input.current?.click()}>
            {t.t('openFile')}
          </Button>
          {samples.length > 0 && (
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button>{t.t('openSample')}</Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {samples.map((w) => (
                    <MenuItem key={w.file} onClick={() => void openBundled(w)} data-file={w.file}>
                      {lang === 'zh-CN' ? w.title_zh : w.title_en}
                    </MenuItem>
                  ))}
                </MenuList>
              </MenuPopover>
            </Menu>
          )}
          <Tooltip content={downloadWhy ?? t.t('downloadAs', { file: gradedName(opened?.name ?? '') })} relationship="description" withArrow>
            <Button
              icon={<ArrowDownloadRegular />}
              appearance="primary"
              disabledFocusable={!!downloadWhy}
              data-testid="download"
              onClick={() => void api.save('xlsx').then((bytes) => download(bytes, gradedName(opened!.name)), (e: unknown) => setError(toPaneError(e)))}
            >
              {t.t('download')}
            </Button>
          </Tooltip>
          <Text className={s.file}>{opened?.name ?? ''}</Text>
          {opened && (
            <TabList className={s.narrowOnly} size="small" selectedValue={narrowView} onTabSelect={(_, d) => setNarrowView(d.value as 'grid' | 'pane')} aria-label={t.t('viewSwitch')} data-testid="view-switch">
              <Tab value="pane">{t.t('viewPane')}</Tab>
              <Tab value="grid">{t.t('viewGrid')}</Tab>
            </TabList>
          )}
        </div>
        <div className={s.main}>
          <div
            className={mergeClasses(s.grid, !!opened && narrowView === 'pane' && s.narrowHidden)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              const f = e.dataTransfer.files[0];
              if (f) void openFile(f);
            }}
          >
            <ErrorBar error={error} />
            {opened ? (
              <Suspense fallback={null}>
                <Grid source={api} revision={revision} target={target} />
              </Suspense>
            ) : (
              <Text className={s.drop}>{t.t('dropHint')}</Text>
            )}
          </div>
          <aside className={mergeClasses(s.pane, !!opened && narrowView === 'grid' && s.narrowHidden)} aria-label={t.t('appTitle')}>
            {opened ? (
              <App key={opened.key} api={api} lang={lang} onLangChange={onLangChange} today={today} />
            ) : (
              <div style={{ padding: 16 }}>
                <Text>{t.t('noWorkbook')}</Text>
                <div style={{ marginTop: 12 }}>
                  {/* The visible name is the accessible name (WCAG 2.5.3, label in name); the tooltip says what it does. */}
                  <Button size="small" onClick={() => onLangChange(lang === 'zh-CN' ? 'en-US' : 'zh-CN')} title={t.t('switchLanguageLabel')} lang={lang === 'zh-CN' ? 'en' : 'zh'}>
                    {t.t('switchLanguage')}
                  </Button>
                </div>
              </div>
            )}
          </aside>
        </div>
      </div>
    </LangContext.Provider>
  );
}
