// Task-pane UI state kept with the document (Office.context.document.settings): the last customer sheet,
// the column mapping and the language. The scheme itself lives in the rules sheet, where users edit it.
// Settings are a name → JSON map; only saveAsync() stores them with the document.
// https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings
/// <reference types="office-js" />
import { z } from 'zod';
import { LANGS, loc, type Lang } from '../../core/i18n.ts';
import { RunError } from '../../run/errors.ts';

export interface UiState {
  /** The customer sheet graded last. */
  lastSheet?: string;
  /** metric → header text, as chosen in the task pane. */
  mapping?: Record<string, string>;
  lang?: Lang;
}

const SCHEMA = z.object({
  lastSheet: z.string().min(1).max(31).optional(),
  mapping: z.record(z.string().max(64), z.string().max(255)).optional(),
  lang: z.enum(LANGS).optional(),
});

/** The one settings key TierBook uses (versioned, so a later shape can migrate). */
export const SETTINGS_KEY = 'tierbook.ui.v1';

export type SettingsLike = Pick<Office.Settings, 'get' | 'set' | 'remove' | 'saveAsync'>;

export class UiSettings {
  private readonly settings: SettingsLike;
  constructor(settings?: SettingsLike) {
    this.settings = settings ?? Office.context.document.settings;
  }

  /** What is stored; fields that do not validate (an older or hand-edited document) are dropped, not fatal. */
  read(): UiState {
    const raw: unknown = this.settings.get(SETTINGS_KEY);
    if (!raw || typeof raw !== 'object') return {};
    const out: UiState = {};
    for (const key of Object.keys(SCHEMA.shape) as (keyof UiState)[]) {
      const one = SCHEMA.shape[key].safeParse((raw as Record<string, unknown>)[key]);
      if (one.success && one.data !== undefined) (out as Record<string, unknown>)[key] = one.data;
    }
    return out;
  }

  /** Merge a change and store it with the document. */
  async update(patch: UiState): Promise<UiState> {
    const next = SCHEMA.parse({ ...this.read(), ...patch });
    this.settings.set(SETTINGS_KEY, next);
    await this.save();
    return next;
  }

  async clear(): Promise<void> {
    this.settings.remove(SETTINGS_KEY);
    await this.save();
  }

  private save(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.settings.saveAsync((result) => {
        if (String(result.status) === 'failed') {
          const detail = result.error?.message ?? '';
          reject(new RunError('host', loc(`设置没有保存（Excel 拒绝了保存${detail ? `：${detail}` : ''}），请再试一次`, `The settings were not saved (Excel refused${detail ? `: ${detail}` : ''}); please try again`)));
        } else resolve();
      }),
    );
  }
}
