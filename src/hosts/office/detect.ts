// Is the pane running inside Excel? Office.onReady, or null when office.js is absent (the script did not load)
// or reports no host (a plain browser page). Kept in the Office host, with every other Office.js call.
//
// No timeout: inside Excel, onReady can take many seconds on a slow start, and falling back then would show the
// standalone file page inside Excel. Outside Office, office.js resolves onReady with host null by itself.
// https://learn.microsoft.com/office/dev/add-ins/develop/initialize-add-in
/// <reference types="office-js" />

export interface ExcelHostInfo {
  displayLanguage: string;
  /** Office's theme body colour (#RRGGBB), when Office gives one. */
  bodyBackgroundColor: string | null;
  /** Office.context.diagnostics.platform ("PC", "Mac", "OfficeOnline" …), or null when Office does not say. */
  platform: string | null;
}

export async function detectExcel(): Promise<ExcelHostInfo | null> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return null;
  const info = await Office.onReady();
  if (!info || info.host !== Office.HostType.Excel) return null;
  let body: string | null = null;
  try {
    body = Office.context.officeTheme?.bodyBackgroundColor ?? null;
  } catch {
    body = null; // officeTheme is missing on some platforms
  }
  let platform: string | null = null;
  try {
    platform = String(Office.context.diagnostics?.platform ?? info.platform ?? '') || null;
  } catch {
    platform = null;
  }
  return { displayLanguage: Office.context.displayLanguage, bodyBackgroundColor: body, platform };
}
