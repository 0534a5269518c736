// The sheet tabs above the standalone grid: one tab per visible sheet, as in Excel, and a ⌄ menu listing every
// sheet (hidden ones too). The active tab stays in view when the strip overflows.
import { Button, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, Tab, TabList } from '@fluentui/react-components';
import { ChevronDownRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import type { SheetInfo } from '../../port/workbook.ts';
import { useT } from '../i18n.tsx';
import { useStyles } from './grid-look.ts';

export function SheetTabs({ sheets, active, onSelect }: { sheets: SheetInfo[]; active: string | null; onSelect: (sheet: string) => void }) {
  const s = useStyles();
  const t = useT();
  const tabStrip = useRef<HTMLDivElement>(null);
  useEffect(() => {
    tabStrip.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [active, sheets]);
  return (
    <div className={s.tabsRow}>
      <Menu checkedValues={{ sheet: active ? [active] : [] }}>
        <MenuTrigger disableButtonEnhancement>
          <Button
            size="small"
            appearance="subtle"
            icon={<ChevronDownRegular />}
            aria-label={t.t('sheetMenu')}
            title={t.t('sheetMenu')}
            data-testid="sheet-menu"
          />
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {sheets.map((x) => (
              <MenuItemRadio key={x.name} name="sheet" value={x.name} onClick={() => onSelect(x.name)}>
                {x.name}
              </MenuItemRadio>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      <div ref={tabStrip} className={s.tabs}>
        <TabList
          className={s.tabList}
          size="small"
          selectedValue={active ?? ''}
          onTabSelect={(_, d) => onSelect(String(d.value))}
          aria-label={t.t('sheetTabs')}
        >
          {/* Hidden sheets (the records under the PivotTables) get no tab, as in Excel; the ⌄ menu lists them. */}
          {sheets
            .filter((x) => x.visible)
            .map((x) => (
              <Tab key={x.name} value={x.name}>
                {x.name}
              </Tab>
            ))}
        </TabList>
      </div>
    </div>
  );
}
