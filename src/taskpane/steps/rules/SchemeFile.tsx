// Scheme JSON files: import (a file picker behind a toolbar button) and export (a download).
import { Button } from '@fluentui/react-components';
import { ArrowExport20Regular, ArrowImport20Regular, Copy20Regular } from '@fluentui/react-icons';
import { useRef, type ChangeEvent, type ReactNode } from 'react';
import type { Scheme } from '../../../core/scheme/schema.ts';
import { SchemeError, schemeFromJson, schemeToJson, type SchemeProblem } from '../../../core/scheme/validate.ts';
import { useCopyText } from '../../components/CopyText.tsx';
import { useDownloadsWork } from '../../components/downloads.tsx';
import { useT } from '../../i18n.tsx';

export interface SchemeFileProps {
  /** The valid scheme to export, or null while the draft has problems. */
  scheme: Scheme | null;
  disabled?: boolean;
  onImport(scheme: Scheme, fileName: string): void;
  onImportError(fileName: string, problems: readonly SchemeProblem[]): void;
  onExported(fileName: string): void;
  /** The JSON went to the clipboard (for webviews that block downloads). */
  onCopied?(): void;
}

export function SchemeFile(props: SchemeFileProps): ReactNode {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const { copy, dialog } = useCopyText(t.t('rulesCopyJson'));
  const downloads = useDownloadsWork();

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const el = e.currentTarget;
    const file = el.files?.[0];
    if (!file) return;
    el.value = ''; // choosing the same file again must fire change again
    let text: string;
    try {
      text = await file.text();
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      props.onImportError(file.name, [
        { path: '', message: { 'zh-CN': `无法读取文件：${detail}`, 'en-US': `Cannot read the file: ${detail}` } },
      ]);
      return;
    }
    try {
      props.onImport(schemeFromJson(text), file.name);
    } catch (err) {
      if (!(err instanceof SchemeError)) throw err;
      props.onImportError(file.name, err.problems);
    }
  };

  return (
    <>
      <Button
        size="small"
        appearance="subtle"
        icon={<ArrowImport20Regular />}
        disabled={props.disabled}
        onClick={() => input.current?.click()}
      >
        {t.t('rulesImport')}
      </Button>
      <Button
        size="small"
        appearance="subtle"
        icon={<ArrowExport20Regular />}
        disabled={props.disabled || props.scheme === null}
        onClick={() => {
          if (!props.scheme) return;
          // Office for Mac drops blob downloads: the JSON goes the Copy route there.
          if (downloads) props.onExported(downloadScheme(props.scheme));
          else void copy(schemeToJson(props.scheme)).then((ok) => ok && props.onCopied?.());
        }}
      >
        {t.t('rulesExport')}
      </Button>
      <Button
        size="small"
        appearance="subtle"
        icon={<Copy20Regular />}
        disabled={props.disabled || props.scheme === null}
        onClick={() => {
          if (props.scheme) void copy(schemeToJson(props.scheme)).then((ok) => ok && props.onCopied?.());
        }}
      >
        {t.t('rulesCopyJson')}
      </Button>
      {dialog}
      {/* Out of the tab order and hidden: the Import button is its keyboard way in. */}
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        aria-label={t.t('rulesImportInput')}
        hidden
        tabIndex={-1}
        onChange={onFile}
      />
    </>
  );
}

/** Save the scheme as `<id>.json` through a temporary link; returns the file name. */
export function downloadScheme(scheme: Scheme): string {
  const name = `${scheme.id}.json`;
  const url = URL.createObjectURL(new Blob([schemeToJson(scheme)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoke after the click has been handled; revoking at once can cancel the download in some browsers.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
  return name;
}
