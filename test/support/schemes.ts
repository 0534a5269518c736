// Shared helpers for tests that build schemes by hand (not a test file itself).
import type { Localized } from '../../src/core/i18n.ts';
import { getPreset } from '../../src/core/scheme/presets/index.ts';
import type { Scheme } from '../../src/core/scheme/schema.ts';

/** A label in both languages; one text serves both when no English is given. */
export const L = (zh: string, en: string = zh): Localized => ({ 'zh-CN': zh, 'en-US': en });

/** A preset, failing loudly when the id is unknown. */
export function preset(id: string): Scheme {
  const s = getPreset(id);
  if (!s) throw new Error(`no preset ${id}`);
  return s;
}
