// Office.context.document.settings, as the Office Common API keeps them: a name → JSON value map held in
// memory; only saveAsync() stores the changes with the document (unsaved changes are lost on reload).
// https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings
/// <reference types="office-js" />

type SaveCallback = (result: Office.AsyncResult<void>) => void;

export class FakeSettings implements Pick<Office.Settings, 'get' | 'set' | 'remove' | 'saveAsync'> {
  /** What the document holds (survives a reload). */
  readonly saved = new Map<string, string>();
  private live = new Map<string, unknown>();
  saves = 0;
  /** Make the next saveAsync fail (e.g. the document is read-only). */
  failNextSave = false;

  get(name: string): unknown {
    // Settings hold JSON: what comes back is a copy, as after a round trip through the document.
    const v = this.live.get(name);
    return v === undefined ? null : JSON.parse(JSON.stringify(v));
  }
  set(name: string, value: unknown): void {
    JSON.stringify(value); // values must serialise
    this.live.set(name, value);
  }
  remove(name: string): void {
    this.live.delete(name);
  }
  saveAsync(optionsOrCallback?: Office.SaveSettingsOptions | SaveCallback, callback?: SaveCallback): void {
    const cb = typeof optionsOrCallback === 'function' ? optionsOrCallback : callback;
    const failed = this.failNextSave;
    this.failNextSave = false;
    if (!failed) {
      this.saved.clear();
      for (const [k, v] of this.live) this.saved.set(k, JSON.stringify(v));
      this.saves++;
    }
    const result = {
      status: failed ? 'failed' : 'succeeded',
      value: undefined,
      error: failed ? { code: 5012, name: 'Save Settings Error', message: 'The settings could not be saved.' } : undefined,
      asyncContext: undefined,
      diagnostics: undefined,
    } as unknown as Office.AsyncResult<void>;
    setTimeout(() => cb?.(result), 0);
  }
  /** A reload of the document: unsaved changes are gone. */
  reload(): void {
    this.live = new Map([...this.saved].map(([k, v]) => [k, JSON.parse(v) as unknown]));
  }
}
