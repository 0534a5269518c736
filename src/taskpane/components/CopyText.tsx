// Copying text out of the pane: the clipboard where it is allowed, else a dialog with the text selected for
// copying by hand (some Office webviews refuse both the clipboard and downloads).
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Textarea } from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n.tsx';

/** `copy(text)` resolves true when the clipboard took it, false when the dialog is shown instead. */
export function useCopyText(title: string): { copy(text: string): Promise<boolean>; dialog: ReactNode } {
  const t = useT();
  const [manual, setManual] = useState<string | null>(null);
  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      setManual(text);
      return false;
    }
  };
  const dialog = (
    <Dialog open={manual !== null} onOpenChange={(_, d) => !d.open && setManual(null)}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <Textarea aria-label={title} value={manual ?? ''} readOnly resize="vertical" style={{ width: '100%', minHeight: 240, fontFamily: 'monospace' }} onFocus={(e) => e.currentTarget.select()} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => setManual(null)}>
              {t.t('close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
  return { copy, dialog };
}
