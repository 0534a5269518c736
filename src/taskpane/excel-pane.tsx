// The pane inside Excel: the session over the Office.js host, language from the document's settings or
// Office's display language, theme from Office. Loaded only when Office reports Excel as the host.
import { FluentProvider, type Theme } from '@fluentui/react-components';
import { StrictMode, useState } from 'react';
import type { Root } from 'react-dom/client';
import { todaySerial } from '../core/aggregate/period.ts';
import { normalizeLang, type Lang } from '../core/i18n.ts';
import { UiSettings } from '../hosts/office/settings.ts';
import { officeTaskpaneApi } from '../hosts/office/taskpane-api.ts';
import { App } from './App.tsx';
import { DownloadsWork, downloadsWorkOn } from './components/downloads.tsx';

function ExcelPane({ initialLang, theme, platform }: { initialLang: Lang; theme: Theme; platform: string | null }) {
  const [lang, setLang] = useState(initialLang);
  const [api] = useState(() => officeTaskpaneApi(initialLang));
  const change = (l: Lang) => {
    setLang(l);
    document.documentElement.lang = l;
    // Remembered with the document, like the rest of the pane's state.
    void new UiSettings().update({ lang: l }).catch(() => {});
  };
  return (
    <FluentProvider theme={theme} style={{ minHeight: '100vh' }}>
      <DownloadsWork.Provider value={downloadsWorkOn(platform)}>
        <App api={api} lang={lang} onLangChange={change} today={todaySerial()} />
      </DownloadsWork.Provider>
    </FluentProvider>
  );
}

export function mountExcelPane(root: Root, displayLanguage: string, override: Lang | null, theme: Theme, platform: string | null = null): void {
  let saved: Lang | undefined;
  try {
    saved = new UiSettings().read().lang;
  } catch {
    saved = undefined;
  }
  const lang = override ?? saved ?? normalizeLang(displayLanguage);
  document.documentElement.lang = lang;
  root.render(
    <StrictMode>
      <ExcelPane initialLang={lang} theme={theme} platform={platform} />
    </StrictMode>,
  );
}
