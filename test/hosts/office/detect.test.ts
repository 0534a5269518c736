// Office.onReady decides between the Office pane and the standalone page. Inside Excel it can take long to
// resolve (a slow start); it resolves with host null outside Office. Only that null means "standalone".
// https://learn.microsoft.com/javascript/api/office#office-office-onready-function(1)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectExcel } from '../../../src/hosts/office/detect.ts';

function fakeOffice(ready: Promise<{ host: string | null; platform: string | null }>) {
  vi.stubGlobal('Office', {
    onReady: () => ready,
    HostType: { Excel: 'Excel' },
    context: { displayLanguage: 'zh-CN', officeTheme: { bodyBackgroundColor: '#FFFFFF' }, diagnostics: { platform: 'PC' } },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('detectExcel', () => {
  it('waits for a slow Excel instead of falling back to the standalone page', async () => {
    vi.useFakeTimers();
    let resolve!: (v: { host: string | null; platform: string | null }) => void;
    fakeOffice(new Promise((r) => (resolve = r)));
    let result: unknown = 'pending';
    const p = detectExcel().then((r) => (result = r));
    await vi.advanceTimersByTimeAsync(30_000);
    expect(result).toBe('pending');
    resolve({ host: 'Excel', platform: 'PC' });
    await p;
    expect(result).toEqual({ displayLanguage: 'zh-CN', bodyBackgroundColor: '#FFFFFF', platform: 'PC' });
  });

  it('falls back when Office reports no host (a plain browser page)', async () => {
    fakeOffice(Promise.resolve({ host: null, platform: null }));
    expect(await detectExcel()).toBeNull();
  });

  it('falls back when office.js is missing (the script failed to load)', async () => {
    expect(await detectExcel()).toBeNull();
  });

  it('another Office host is not Excel', async () => {
    fakeOffice(Promise.resolve({ host: 'Word', platform: 'PC' }));
    expect(await detectExcel()).toBeNull();
  });
});
