// The reason and gap texts of a few thousand varied customers under every preset and a hand-made scheme with
// every operator, in both languages: pinned in fixtures/explain-golden.json so that a faster explainer must
// say exactly what the old one said. Regenerate (only for an intended change of words) with
// `node --import tsx test/core/explain-golden.cases.ts`.
import { writeFileSync } from "node:fs";
import {
  PRESET_IDS,
  explainerIn,
  type CellInput,
  type Lang,
  type Scheme,
} from "../../src/core/index.ts";
import { crit, makeScheme, preset, records, run } from "./helpers.ts";
import { mulberry32 } from "../../scripts/sample/random.ts";

export const GOLDEN_FILE = new URL(
  "./fixtures/explain-golden.json",
  import.meta.url,
);

const METRICS = [
  "annualSpend",
  "cooperationYears",
  "orderCount",
  "recencyDays",
  "growthPotential",
  "avgOrderValue",
  "days",
  "sat",
  "n",
];

function value(rnd: () => number): CellInput {
  const k = rnd();
  if (k < 0.04) return "";
  if (k < 0.06) return "待定";
  if (k < 0.2)
    return [0, 1, 3, 5, 8, 10, 30, 90, 100_000, 1_000_000][
      Math.floor(rnd() * 10)
    ]!;
  if (k < 0.5) return Math.floor(rnd() * 120);
  if (k < 0.8) return Math.round(Math.exp(6 + 9 * rnd()));
  return Math.round(rnd() * 2_000_000_00) / 100;
}

function operators(): Scheme {
  return makeScheme(
    {
      kind: "rules",
      rules: [
        {
          tier: "t1",
          when: {
            any: [
              { metric: "days", op: "<", value: 30 },
              {
                all: [
                  { metric: "sat", op: "=", value: 10 },
                  { metric: "n", op: ">", value: 3 },
                ],
              },
            ],
          },
        },
        {
          tier: "t2",
          when: {
            all: [
              { metric: "sat", op: "between", value: 5, max: 8 },
              { metric: "n", op: ">=", value: 2 },
            ],
          },
        },
        {
          tier: "t3",
          when: {
            any: [
              { metric: "days", op: "<=", value: 90 },
              { metric: "sat", op: ">", value: 2.5 },
            ],
          },
        },
      ],
    },
    [
      crit("days", {
        label: { "zh-CN": "天数", "en-US": "Days" },
        unit: "days",
      }),
      crit("sat", {
        label: { "zh-CN": "满意度", "en-US": "Satisfaction" },
        unit: "score",
      }),
      crit("n", {
        label: { "zh-CN": "次数", "en-US": "Orders" },
        unit: "count",
      }),
    ],
    4,
  );
}

export type Golden = Record<
  string,
  Record<Lang, { reason: string; gap: string | null }[]>
>;

/** Every scheme's texts over the same customers. */
export function goldenTexts(size = 700): Golden {
  const rnd = mulberry32(16); // the same customers on every run
  const rows = Array.from({ length: size }, () =>
    Object.fromEntries(METRICS.map((m) => [m, value(rnd)])),
  );
  const schemes: [string, Scheme][] = [
    ...PRESET_IDS.map((id): [string, Scheme] => [id, preset(id)]),
    ["operators", operators()],
  ];
  const out: Golden = {};
  for (const [id, scheme] of schemes) {
    const result = run(scheme, records(rows));
    const texts = {} as Golden[string];
    for (const lang of ["zh-CN", "en-US"] as Lang[]) {
      const explain = explainerIn(result, lang);
      texts[lang] = Array.from({ length: result.size }, (_, i) => {
        const e = explain(i);
        return { reason: e.reason, gap: e.gap };
      });
    }
    out[id] = texts;
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`)
  writeFileSync(GOLDEN_FILE, JSON.stringify(goldenTexts()));
