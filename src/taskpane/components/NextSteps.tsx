// What to do next (issue 17): the three action lists as counts, each a button that selects its list on the
// 行动清单 sheet (in Excel the table's range; in the standalone grid it moves there), and what the tiers cost.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatValue, loc } from '../../core/index.ts';
import type { NextStepsView } from '../../run/action-sheets.ts';
import { useT } from '../i18n.tsx';
import { Section } from './Section.tsx';

const useStyles = makeStyles({
  lists: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  count: { fontWeight: tokens.fontWeightSemibold, marginLeft: tokens.spacingHorizontalXS },
});

const TEXT = {
  actions: loc('行动清单', 'Action lists'),
  cost: loc('服务成本', 'Service cost'),
  noSheet: loc('按期间生成汇总时写入"行动清单"表。', 'A review run writes them to the Action List sheet.'),
  show: loc('在表中选中{list}', 'Select {list} on the sheet'),
  showCost: loc('打开服务成本表', 'Open the Service Cost sheet'),
  noCost: loc(
    '本方案的等级没有设定服务频率或成本，服务成本按 0 计，无从比较；在"规则"中为各等级设定服务频率或成本后再生成汇总。',
    'This scheme sets no service cadence or cost for its tiers, so service costs nothing and nothing can be compared; give the tiers a cadence or a cost in Rules, then build the summaries again.',
  ),
};

export function NextSteps({ view, onShow }: { view: NextStepsView; onShow(sheet: string, range: string): void }) {
  const s = useStyles();
  const t = useT();
  const zh = t.lang === 'zh-CN';
  const money = (x: number) => formatValue(Math.round(x), 'currency', t.lang, view.currency);
  const top = view.savings[0];
  // A scheme without cadences or costs (e.g. a member-spend preset) costs ¥0: say why instead of "saves ¥0".
  const nothingToCost = view.totalCost === 0 && view.savings.every((x) => x.saving === 0);
  return (
    <>
      <Section title={t.l(TEXT.actions)} id="next-actions">
        <div className={s.lists}>
          {view.lists.map((x) => (
            <Button
              key={x.key}
              size="small"
              data-testid={`action-${x.key}`}
              data-count={x.count}
              disabled={!view.actionsSheet || !x.range}
              // The visible text (list and count) is the accessible name; the tooltip says what the button does.
              title={t.l(TEXT.show).replace('{list}', t.l(x.title))}
              onClick={() => view.actionsSheet && x.range && onShow(view.actionsSheet, x.range)}
            >
              {t.l(x.title)}
              <span className={s.count}>{t.num(x.count)}</span>
            </Button>
          ))}
        </div>
        {!view.actionsSheet && <Text size={200}>{t.l(TEXT.noSheet)}</Text>}
      </Section>
      <Section title={t.l(TEXT.cost)} id="next-cost">
        <Text data-testid="service-cost">
          {nothingToCost ? t.l(TEXT.noCost) : null}
          {!nothingToCost && (zh ? `每年 ${money(view.totalCost)}` : `${money(view.totalCost)} a year`)}
          {!nothingToCost &&
            top &&
            (zh
              ? `；比所有客户按"${top.tier['zh-CN']}"标准服务${top.saving >= 0 ? '节省' : '多花'} ${money(Math.abs(top.saving))}${top.share !== null ? `（${t.num(Math.abs(top.share) * 100, 1)}%）` : ''}`
              : `; ${money(Math.abs(top.saving))}${top.share !== null ? ` (${t.num(Math.abs(top.share) * 100, 1)}%)` : ''} ${top.saving >= 0 ? 'less' : 'more'} than serving everyone as ${top.tier['en-US']}`)}
        </Text>
        {view.costSheet && (
          <Button size="small" appearance="subtle" data-testid="show-cost" onClick={() => onShow(view.costSheet!, 'A1')}>
            {t.l(TEXT.showCost)}
          </Button>
        )}
      </Section>
    </>
  );
}
