// The task pane's UI state in Office.context.document.settings: typed, validated, saved with the document.
import { describe, expect, it } from 'vitest';
import { SETTINGS_KEY, UiSettings } from '../../../src/hosts/office/index.ts';
import { FakeSettings } from '../../support/excel-fake/index.ts';

describe('UI settings in the document', () => {
  it('stores the last sheet, mapping and language with the document (saved, so they survive a reload)', async () => {
    const doc = new FakeSettings();
    const ui = new UiSettings(doc);
    expect(ui.read()).toEqual({});
    await ui.update({ lastSheet: '客户名单', lang: 'en-US' });
    await ui.update({ mapping: { annualSpend: '本年采购额' } });
    expect(doc.saves).toBe(2);
    doc.reload();
    expect(new UiSettings(doc).read()).toEqual({ lastSheet: '客户名单', lang: 'en-US', mapping: { annualSpend: '本年采购额' } });
  });

  it('drops fields that do not validate instead of failing, and refuses to store bad ones', async () => {
    const doc = new FakeSettings();
    doc.set(SETTINGS_KEY, { lastSheet: 42, lang: 'fr-FR', mapping: { annualSpend: '销售额' } });
    expect(new UiSettings(doc).read()).toEqual({ mapping: { annualSpend: '销售额' } });
    await expect(new UiSettings(doc).update({ lang: 'de' as never })).rejects.toThrow();
  });

  it('reports a failed save (read-only document); unsaved changes are lost on reload', async () => {
    const doc = new FakeSettings();
    const ui = new UiSettings(doc);
    doc.failNextSave = true;
    await expect(ui.update({ lastSheet: 'A' })).rejects.toThrow(/not saved/);
    doc.reload();
    expect(ui.read()).toEqual({});
    await ui.update({ lastSheet: 'B' });
    await ui.clear();
    doc.reload();
    expect(ui.read()).toEqual({});
  });
});
