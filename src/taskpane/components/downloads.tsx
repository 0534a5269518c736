// Whether the pane can save a file through a blob download. Office for Mac (and iPad) webviews ignore blob
// downloads (OfficeDev/office-js#2700): nothing happens on click. There, "export" copies the text instead,
// as Copy does (the clipboard, else a dialog to copy by hand).
import { createContext, useContext } from 'react';

export const DownloadsWork = createContext(true);

/** Office.context.diagnostics.platform → whether blob downloads reach the user. */
export function downloadsWorkOn(platform: string | null): boolean {
  return platform !== 'Mac' && platform !== 'iOS';
}

export function useDownloadsWork(): boolean {
  return useContext(DownloadsWork);
}
