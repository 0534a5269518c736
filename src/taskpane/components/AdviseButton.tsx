// "建议门槛" in the Rules step: asks the host for thresholds that put the mix inside the expected shares and
// shows them before/after — thresholds, mix against the bands, moves, revenue share per tier. Nothing changes
// until the user accepts: then the scheme takes the thresholds and the rules sheet is written.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { LightbulbRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { OPERATOR_SYMBOL, formatValue } from '../../core/explain/format.ts';
import type { Scheme } from '../../core/index.ts';
import { toPaneError, type Advice, type PaneError, type Selection, type TierBookApi } from '../../run/pane-api.ts';
import { useT } from '../i18n.tsx';

export interface AdviseButtonProps {
  scheme: Scheme;
  selection: Selection;
  api: Pick<TierBookApi, 'advise' | 'saveRules'>;
  /** The scheme with the accepted thresholds becomes the one in force. */
  onAccept(scheme: Scheme): void;
  disabled?: boolean;
}

const useStyles = makeStyles({
  surface: {
    maxWidth: 'min(640px, calc(100vw - 24px))',
    padding: tokens.spacingHorizontalL,
  },
  content: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
  },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  th: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    verticalAlign: 'bottom',
  },
  td: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    verticalAlign: 'top',
  },
  num: { textAlign: 'end', whiteSpace: 'nowrap' },
  changed: {
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorBrandForeground1,
  },
  outside: {
    color: tokens.colorPaletteDarkOrangeForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  swatch: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    borderRadius: '2px',
    marginInlineEnd: tokens.spacingHorizontalXS,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  sub: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { flexWrap: 'wrap' },
  // A line of its own under the toolbar's buttons, wrapping within the pane.
  done: { flexBasis: '100%', minWidth: 0 },
});

type State = {
  open: boolean;
  advice: Advice | null;
  loading: boolean;
  error: PaneError | null;
  saving: boolean;
};

export function AdviseButton({ scheme, selection, api, onAccept, disabled }: AdviseButtonProps) {
  const s = useStyles();
  const t = useT();
  const [state, setState] = useState<State>({
    open: false,
    advice: null,
    loading: false,
    error: null,
    saving: false,
  });
  const [done, setDone] = useState<string | null>(null);

  const ask = () => {
    setDone(null);
    setState({
      open: true,
      advice: null,
      loading: true,
      error: null,
      saving: false,
    });
    api.advise(scheme, selection).then(
      (advice) => setState((x) => ({ ...x, advice, loading: false })),
      (e: unknown) => setState((x) => ({ ...x, loading: false, error: toPaneError(e) })),
    );
  };
  const accept = async (advice: Advice) => {
    setState((x) => ({ ...x, saving: true, error: null }));
    try {
      const sheet = await api.saveRules(advice.scheme);
      onAccept(advice.scheme);
      setDone(sheet);
      setState({
        open: false,
        advice: null,
        loading: false,
        error: null,
        saving: false,
      });
    } catch (e) {
      setState((x) => ({ ...x, saving: false, error: toPaneError(e) }));
    }
  };

  const a = state.advice;
  const changed = a ? a.proposals.some((p) => p.proposed !== p.current) : false;
  const value = (v: number, unit: Advice['proposals'][number]['unit']) => formatValue(v, unit, t.lang, a?.scheme.currency ?? scheme.currency);
  const label = (id: string) => {
    const tier = a?.scheme.tiers.find((x) => x.id === id);
    return tier ? t.l(tier.label) : id;
  };

  return (
    <>
      <Button size="small" appearance="subtle" icon={<LightbulbRegular />} disabled={disabled} onClick={ask} data-testid="advise-button">
        {t.t('adviseButton')}
      </Button>
      {done && (
        <MessageBar intent="success" role="status" layout="multiline" className={s.done}>
          <MessageBarBody>{t.t('adviseAccepted', { sheet: done })}</MessageBarBody>
        </MessageBar>
      )}
      <Dialog open={state.open} onOpenChange={(_e, d) => !d.open && setState((x) => ({ ...x, open: false }))}>
        <DialogSurface className={s.surface} aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>{t.t('adviseTitle')}</DialogTitle>
            <DialogContent className={s.content} data-testid="advice">
              <Text size={200} className={s.sub}>
                {t.t('adviseIntro')}
              </Text>
              {state.loading && <Spinner size="small" label={t.t('adviseBusy')} />}
              {state.error && (
                <MessageBar intent="error" layout="multiline">
                  <MessageBarBody>
                    {t.t('adviseFailed')}：{t.l(state.error.text)}
                  </MessageBarBody>
                </MessageBar>
              )}
              {a && a.fitsNow && (
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody>{t.t('adviseFitsNow')}</MessageBarBody>
                </MessageBar>
              )}
              {a && a.reasons.length > 0 && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>
                    {!a.fits && a.proposals.length > 0 && <div>{t.t('adviseNoFit')}</div>}
                    <ul className={s.list}>
                      {a.reasons.map((r, i) => (
                        <li key={i}>{t.l(r.message)}</li>
                      ))}
                    </ul>
                  </MessageBarBody>
                </MessageBar>
              )}
              {a && a.proposals.length > 0 && (
                <table className={s.table} aria-label={t.t('adviseThresholds')} data-testid="advice-thresholds">
                  <thead>
                    <tr>
                      <th className={s.th}>{t.t('adviseTier')}</th>
                      <th className={s.th}>{t.t('adviseCondition')}</th>
                      <th className={`${s.th} ${s.num}`}>{t.t('adviseNow')}</th>
                      <th className={`${s.th} ${s.num}`}>{t.t('adviseProposed')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {a.proposals.map((p, i) => (
                      <tr key={i} data-tier={p.tier} data-metric={p.metric} data-proposed={p.proposed}>
                        <td className={s.td}>{label(p.tier)}</td>
                        <td className={s.td}>
                          {t.l(p.label)} {OPERATOR_SYMBOL[p.op]}
                        </td>
                        <td className={`${s.td} ${s.num}`}>{value(p.current, p.unit)}</td>
                        <td className={`${s.td} ${s.num} ${p.proposed !== p.current ? s.changed : s.sub}`}>
                          {p.proposed !== p.current ? value(p.proposed, p.unit) : t.t('adviseUnchanged')}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              {a && (
                <div className={s.scroll}>
                  <table className={s.table} aria-label={t.t('adviseMix')} data-testid="advice-mix">
                    <thead>
                      <tr>
                        <th className={s.th}>{t.t('adviseTier')}</th>
                        <th className={`${s.th} ${s.num}`}>{t.t('adviseExpected')}</th>
                        <th className={`${s.th} ${s.num}`}>{t.t('adviseBefore')}</th>
                        <th className={`${s.th} ${s.num}`}>{t.t('adviseAfter')}</th>
                        <th className={`${s.th} ${s.num}`}>{t.t('adviseRevenue')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {a.after.rows.map((after, i) => {
                        const before = a.before.rows[i]!;
                        const tier = a.scheme.tiers[i]!;
                        const cell = (r: typeof after) => (
                          <span className={r.outsideExpected ? s.outside : undefined} title={r.outsideExpected ? t.t('adviseOutside') : undefined}>
                            {t.num(r.customers)}
                            <br />
                            {t.pct(r.customerShare)}
                            {r.outsideExpected ? ' ✗' : ''}
                          </span>
                        );
                        return (
                          <tr key={tier.id} data-tier={tier.id} data-after={after.customers}>
                            <td className={s.td}>
                              <span className={s.swatch} style={{ backgroundColor: tier.color }} aria-hidden="true" />
                              {t.l(tier.label)}
                            </td>
                            <td className={`${s.td} ${s.num}`}>{after.expected ? `${t.pct(after.expected.min, 0)}–${t.pct(after.expected.max, 0)}` : '—'}</td>
                            <td className={`${s.td} ${s.num}`}>{cell(before)}</td>
                            <td className={`${s.td} ${s.num}`}>{cell(after)}</td>
                            <td className={`${s.td} ${s.num}`}>
                              {t.pct(before.revenueShare)}
                              <br />→ {t.pct(after.revenueShare)}
                            </td>
                          </tr>
                        );
                      })}
                    </tbody>
                  </table>
                </div>
              )}
              {a && changed && (
                <Text data-testid="advice-moves">
                  {t.t('adviseMoves', {
                    up: a.moves.up,
                    down: a.moves.down,
                    same: a.moves.same,
                  })}
                </Text>
              )}
            </DialogContent>
            <DialogActions className={s.actions}>
              <Button appearance="primary" disabled={!a || !changed || state.saving} onClick={() => a && void accept(a)} data-testid="advice-accept">
                {state.saving ? <Spinner size="extra-tiny" /> : null}
                {t.t('adviseAccept')}
              </Button>
              <Button onClick={() => setState((x) => ({ ...x, open: false }))}>{t.t('cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
