// The handbook's 七、资源配置与成本: per-customer costs by tier from the scheme; with a review's costs, its table and saving.
import { describe, expect, it } from 'vitest';
import { handbook, handbookMarkdown, serviceCost } from '../../../src/core/index.ts';
import { preset } from '../helpers.ts';

const B2B = preset('b2b-value');

describe('七、资源配置与成本', () => {
  it('per customer and year: contacts, cost per contact, service cost (hand-checked)', () => {
    const s = handbook(B2B, 'zh-CN').sections[6]!;
    expect(s.title).toBe('七、资源配置与成本');
    expect(s.tables).toHaveLength(1);
    expect(s.tables[0]!.rows.map((r) => r.slice(2, 5))).toEqual([
      ['12', '¥1,000', '¥12,000'],
      ['4', '¥500', '¥2,000'],
      ['1', '¥50', '¥50'],
      ['1', '¥5', '¥5'],
    ]);
  });

  it("after a review: that review's cost table and the comparison with the saving, in Markdown too", () => {
    const cost = serviceCost(B2B, [0, 1, 1, 2, 2, 2, 3, 3, 3, 3], [2_000_000, 600_000, 600_000, 200_000, 200_000, 200_000, 50_000, 50_000, 50_000, 50_000]);
    const s = handbook(B2B, 'en-US', cost).sections[6]!;
    expect(s.tables.map((t) => t.caption ?? null)).toEqual([null, 'This review, by tier', 'What managing by tier saves']);
    expect(s.tables[2]!.rows[1]).toEqual(['Everyone served as VIP (strategic)', '¥120,000', '3%', '¥103,830', '86.5%']);
    expect(handbookMarkdown(B2B, 'en-US', cost)).toContain('Against everyone served as VIP (strategic), serving by tier saves ¥103,830 a year (86.5%).');
  });
});
