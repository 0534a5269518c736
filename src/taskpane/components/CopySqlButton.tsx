// "Copy as SQL": the scheme compiled for a warehouse (DuckDB or PostgreSQL), with the column names of the
// mapped sheet. The compiler loads on first use. Where the clipboard is refused (some Office webviews),
// the SQL is shown selected in a text box to copy by hand.
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Scheme } from '../../core/index.ts';
import { useT } from '../i18n.tsx';
import { useCopyText } from './CopyText.tsx';

export interface CopySqlButtonProps {
  scheme: Scheme;
  /** Field → header of the customer sheet (the warehouse table is assumed to use the same names). */
  columns: Record<string, string>;
}

type Dialect = 'duckdb' | 'postgres';

export function CopySqlButton({ scheme, columns }: CopySqlButtonProps) {
  const t = useT();
  const [note, setNote] = useState<string | null>(null);
  const { copy: copyText, dialog } = useCopyText(t.t('copySql'));
  const copy = async (dialect: Dialect) => {
    setNote(null);
    const sql = await import('../../core/sql/index.ts');
    const { metrics, raw } = sql.sqlInputs(scheme);
    const known = new Set(['id', ...metrics, ...raw]);
    const mapped = Object.fromEntries(Object.entries(columns).filter(([k, v]) => known.has(k) && v.trim() !== ''));
    let text: string;
    try {
      text = sql.schemeToSql(scheme, { dialect, columns: mapped, lang: t.lang });
    } catch (e) {
      setNote(e instanceof sql.SqlError ? t.l(e.text) : String(e));
      return;
    }
    if (await copyText(text)) setNote(t.t(dialect === 'duckdb' ? 'copiedSql' : 'copiedSqlPostgres'));
  };
  return (
    <>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button size="small" appearance="subtle" icon={<CopyRegular />}>
            {t.t('copySql')}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuItem onClick={() => void copy('duckdb')}>DuckDB</MenuItem>
            <MenuItem onClick={() => void copy('postgres')}>PostgreSQL</MenuItem>
          </MenuList>
        </MenuPopover>
      </Menu>
      {note && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{note}</MessageBarBody>
        </MessageBar>
      )}
      {dialog}
    </>
  );
}
