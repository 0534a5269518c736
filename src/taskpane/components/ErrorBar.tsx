// An error as the pane shows it: one MessageBar in the user's language.
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { type PaneError } from '../../run/pane-api.ts';
import { useT } from '../i18n.tsx';

export function ErrorBar({ error, title }: { error: PaneError | null; title?: string }) {
  const t = useT();
  if (!error) return null;
  return (
    <MessageBar intent={error.code === 'cancelled' ? 'warning' : 'error'} layout="multiline" role="alert">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        <span style={{ whiteSpace: 'pre-wrap' }}>{t.l(error.text)}</span>
      </MessageBarBody>
    </MessageBar>
  );
}
