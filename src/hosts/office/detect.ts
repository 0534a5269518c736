// Is the pane running inside Excel? Office.onReady, or null when office.js is absent, unreachable (the CDN
// offline) or reports no host (a plain browser page). Kept in the Office host, with every other Office.js call.
/// <reference types="office-js" />

export interface ExcelHostInfo {
  displayLanguage: string;
  /** Office's theme body colour (#RRGGBB), when Office gives one. */
  bodyBackgroundColor: string | null;
}

export async function detectExcel(timeoutMs = 4000): Promise<ExcelHostInfo | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return null;
  const info = await Promise.race([Office.onReady(), new Promise<null>((r) => setTimeout(() => r(null), timeoutMs))]);
  if (!info || info.host !== Office.HostType.Excel) return null;
  let body: string | null = null;
  try {
    body = Office.context.officeTheme?.bodyBackgroundColor ?? null;
  } catch {
    body = null; // officeTheme is missing on some platforms
  }
  return { displayLanguage: Office.context.displayLanguage, bodyBackgroundColor: body };
}
