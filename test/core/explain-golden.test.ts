// The explainer's words are pinned: every preset and every operator, both languages, a few thousand customers.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  GOLDEN_FILE,
  goldenTexts,
  type Golden,
} from "./explain-golden.cases.ts";

describe("explanation texts", () => {
  it("say what they said when pinned (reasons and gaps, zh-CN and en-US)", () => {
    const pinned = JSON.parse(readFileSync(GOLDEN_FILE, "utf8")) as Golden;
    const now = goldenTexts();
    expect(Object.keys(now)).toEqual(Object.keys(pinned));
    for (const id of Object.keys(pinned))
      expect(now[id], id).toEqual(pinned[id]);
  });
});
