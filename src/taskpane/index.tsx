// The task pane's entry: inside Excel it runs over the Office.js host; where Office reports no host (a
// plain browser page) it runs standalone over a file, in a Web Worker. Language and theme follow Office
// (display language, Office theme) or the browser, with the user's switch remembered.
import { FluentProvider, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { todaySerial } from '../core/aggregate/period.ts';
import { normalizeLang, type Lang } from '../core/i18n.ts';
import { detectExcel } from '../hosts/office/detect.ts';
import { Standalone } from './standalone/Standalone.tsx';

const LANG_KEY = 'tierbook.lang';

function isDark(hex: string | null): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((x) => parseInt(x!, 16) / 255) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

function urlLang(): Lang | null {
  const q = new URLSearchParams(location.search).get('lang');
  return q ? normalizeLang(q) : null;
}

function storedLang(): Lang | null {
  try {
    const v = localStorage.getItem(LANG_KEY);
    return v ? normalizeLang(v) : null;
  } catch {
    return null;
  }
}

function markReady() {
  requestAnimationFrame(() => {
    document.documentElement.dataset.ready = 'true';
  });
}

const makeWorker = () => new Worker(new URL('../hosts/browser/workbook.worker.ts', import.meta.url), { type: 'module' });

function StandalonePage({ initialLang, theme }: { initialLang: Lang; theme: Theme }) {
  const [lang, setLang] = useState(initialLang);
  const change = (l: Lang) => {
    setLang(l);
    document.documentElement.lang = l;
    try {
      localStorage.setItem(LANG_KEY, l);
    } catch {
      // private mode: the switch still works for this visit
    }
  };
  return (
    <FluentProvider theme={theme}>
      <Standalone lang={lang} onLangChange={change} today={todaySerial()} makeWorker={makeWorker} />
    </FluentProvider>
  );
}

async function main() {
  const root = createRoot(document.getElementById('root')!);
  const excel = await detectExcel();
  if (excel) {
    // The Office host (and the grading core with it) loads only inside Excel.
    const { mountExcelPane } = await import('./excel-pane.tsx');
    mountExcelPane(root, excel.displayLanguage, urlLang(), isDark(excel.bodyBackgroundColor) ? webDarkTheme : webLightTheme, excel.platform);
  } else {
    const lang = urlLang() ?? storedLang() ?? normalizeLang(navigator.language);
    document.documentElement.lang = lang;
    const dark = new URLSearchParams(location.search).get('theme') === 'dark' || (!new URLSearchParams(location.search).get('theme') && matchMedia('(prefers-color-scheme: dark)').matches);
    root.render(
      <StrictMode>
        <StandalonePage initialLang={lang} theme={dark ? webDarkTheme : webLightTheme} />
      </StrictMode>,
    );
  }
  markReady();
}

void main();
