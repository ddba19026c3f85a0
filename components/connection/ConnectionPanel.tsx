'use client';
/**
 * The connection panel: the sandbox (default; its session starts by itself), a Kaltura endpoint
 * with partner ID + admin secret (session.start runs from the browser, straight to the endpoint),
 * or a pasted KS. Shows who is connected and when the KS expires; offers to log in again after
 * INVALID_KS; and takes the URL of another OpenAPI document.
 *
 * The control is a button named "Connection: …" (aria-expanded) that opens the panel; Escape
 * closes it. Others open it with `openConnectionPanel()`.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { ConnectionMode, ConnectionStore } from '@/lib/connection/connection-state';
import { useConnectionState, useRunnerContext } from '@/components/runner/RunnerContext';
import { LoginPrompt } from './LoginPrompt';
import { OPEN_EVENT } from './open';

function expiresIn(expiry: number | undefined, now: number): string | undefined {
  if (expiry === undefined) return undefined;
  const s = Math.round(expiry - now / 1000);
  if (s <= 0) return 'expired';
  if (s < 120) return `expires in ${s} s`;
  if (s < 7200) return `expires in ${Math.round(s / 60)} min`;
  if (s < 172800) return `expires in ${Math.round(s / 3600)} h`;
  return `expires in ${Math.round(s / 86400)} days`;
}

export function ConnectionPanel() {
  const ctx = useRunnerContext();
  if (!ctx) return null;
  return <Panel store={ctx.connection} apiSource={ctx.apiSource} />;
}

function Panel({ store, apiSource }: { store: ConnectionStore; apiSource: NonNullable<ReturnType<typeof useRunnerContext>>['apiSource'] }) {
  const s = useConnectionState(store);
  const id = useId();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(t);
  }, []);
  const [mode, setMode] = useState<ConnectionMode>(s.mode);
  useEffect(() => setMode(s.mode), [s.mode]);
  const [serviceUrl, setServiceUrl] = useState(s.mode === 'sandbox' ? 'https://www.kaltura.com' : s.serviceUrl);
  const [partnerId, setPartnerId] = useState(s.mode !== 'sandbox' && s.partnerId !== undefined ? String(s.partnerId) : '');
  const [secret, setSecret] = useState('');
  const [userId, setUserId] = useState('');
  const [remember, setRemember] = useState(s.remember);
  const [ks, setKs] = useState('');
  const [openapi, setOpenapi] = useState(s.openapiUrl ?? '');
  const [formError, setFormError] = useState<string>();
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const focusFirst = useRef(false);

  useEffect(() => {
    const el = rootRef.current;
    if (!el) return;
    const onOpen = () => {
      focusFirst.current = true;
      setOpen(true);
    };
    el.addEventListener(OPEN_EVENT, onOpen);
    return () => el.removeEventListener(OPEN_EVENT, onOpen);
  }, []);
  useEffect(() => {
    if (!open || !focusFirst.current) return;
    focusFirst.current = false;
    rootRef.current?.scrollIntoView({ block: 'nearest' });
    rootRef.current?.querySelector<HTMLElement>('.connection-body input, .connection-body select, .connection-body textarea')?.focus();
  }, [open]);

  const who =
    s.mode === 'sandbox'
      ? 'Sandbox'
      : (() => {
          try {
            return new URL(s.serviceUrl).host;
          } catch {
            return s.serviceUrl;
          }
        })();
  const pid = s.session?.partnerId ?? s.partnerId;
  const exp = expiresIn(s.session?.expiry, now);
  const dot = s.loginNeeded || s.status === 'error' ? 'error' : s.status === 'connected' ? 'ok' : 'pending';

  const connect = async () => {
    setFormError(undefined);
    if (mode === 'sandbox') return store.connectSandbox();
    if (!/^https?:\/\/\S+$/i.test(serviceUrl.trim())) return setFormError('Enter the service URL, e.g. https://www.kaltura.com.');
    if (mode === 'secret') {
      if (!/^\d+$/.test(partnerId.trim())) return setFormError('Enter the partner ID (a number).');
      if (!secret) return setFormError('Enter the admin secret.');
      await store.connectWithSecret({
        serviceUrl: serviceUrl.trim(),
        partnerId: Number(partnerId),
        secret,
        userId: userId.trim() || undefined,
        remember,
      });
      setSecret('');
      return;
    }
    if (!ks.trim()) return setFormError('Paste a KS.');
    await store.connectWithKs({ serviceUrl: serviceUrl.trim(), ks: ks.trim() });
    setKs('');
  };

  const bodyId = `${id}-body`;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the panel closes it (the keys reach it from its own inputs and buttons)
    <div
      className="connection-panel"
      id="connection-panel"
      data-testid="connection-panel"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        type="button"
        ref={buttonRef}
        className="connection-pill"
        data-testid="connection-summary"
        aria-expanded={open}
        aria-controls={open ? bodyId : undefined}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="visually-hidden">Connection: </span>
        <span className={`dot dot-${dot}`} aria-hidden="true" />
        <span className="connection-who" data-testid="connection-who">
          {who}
          {pid !== undefined && <> · partner {pid}</>}
          {s.session?.userId && <> · {s.session.userId}</>}
        </span>
        <span className="connection-state" data-testid="connection-state">
          {s.status === 'connecting'
            ? 'connecting…'
            : s.loginNeeded
              ? 'log in again'
              : s.status === 'error'
                ? 'not connected'
                : (exp ?? (s.status === 'connected' ? 'connected' : ''))}
        </span>
      </button>
      {open && (
        <div className="connection-body" id={bodyId} role="group" aria-label="Connection settings">
          {s.loginNeeded && <LoginPrompt connection={store} />}
          {s.error && !s.loginNeeded && (
            <p className="field-message" role="alert">
              {s.error}
            </p>
          )}
          <form
            className="connection-form"
            onSubmit={(e) => {
              e.preventDefault();
              void connect();
            }}
          >
            <fieldset>
              <legend>Where calls go</legend>
              {(['sandbox', 'secret', 'ks'] as const).map((m) => (
                <label key={m} className="radio">
                  <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => setMode(m)} />{' '}
                  {m === 'sandbox'
                    ? 'Built-in sandbox (no setup)'
                    : m === 'secret'
                      ? 'Kaltura endpoint: partner ID + admin secret'
                      : 'Kaltura endpoint: paste a KS'}
                </label>
              ))}
            </fieldset>
            {mode !== 'sandbox' && (
              <div className="field">
                <label htmlFor={`${id}-url`} className="field-label">
                  Service URL
                </label>
                <input
                  id={`${id}-url`}
                  type="url"
                  value={serviceUrl}
                  onChange={(e) => setServiceUrl(e.target.value)}
                  placeholder="https://www.kaltura.com"
                />
              </div>
            )}
            {mode === 'secret' && (
              <>
                <div className="field">
                  <label htmlFor={`${id}-pid`} className="field-label">
                    Partner ID
                  </label>
                  <input id={`${id}-pid`} inputMode="numeric" value={partnerId} onChange={(e) => setPartnerId(e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-secret`} className="field-label">
                    Admin secret
                  </label>
                  <input
                    id={`${id}-secret`}
                    type="password"
                    autoComplete="off"
                    value={secret}
                    onChange={(e) => setSecret(e.target.value)}
                  />
                </div>
                <div className="field">
                  <label htmlFor={`${id}-user`} className="field-label">
                    User ID (optional)
                  </label>
                  <input id={`${id}-user`} value={userId} onChange={(e) => setUserId(e.target.value)} />
                </div>
                <label className="checkbox">
                  <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} /> Remember the secret on this
                  device
                </label>
                <p className="field-desc">
                  The secret goes only to that endpoint, from this browser. Unless you tick the box it is kept in memory only.
                </p>
              </>
            )}
            {mode === 'ks' && (
              <div className="field">
                <label htmlFor={`${id}-ks`} className="field-label">
                  KS
                </label>
                <textarea id={`${id}-ks`} rows={3} spellCheck={false} value={ks} onChange={(e) => setKs(e.target.value)} />
              </div>
            )}
            {formError && (
              <p className="field-message" role="alert">
                {formError}
              </p>
            )}
            <div className="run-bar">
              <button type="submit" className="button-small" disabled={s.status === 'connecting'}>
                {mode === 'sandbox' ? 'Start a new sandbox session' : mode === 'secret' ? 'Start session' : 'Use this KS'}
              </button>
              {s.remember && (
                <button type="button" className="link-button" onClick={() => store.forget()}>
                  Forget the remembered secret
                </button>
              )}
            </div>
          </form>
          <form
            className="connection-form"
            onSubmit={(e) => {
              e.preventDefault();
              store.setOpenapiUrl(openapi);
            }}
          >
            <div className="field">
              <label htmlFor={`${id}-openapi`} className="field-label">
                OpenAPI document (optional)
              </label>
              <input
                id={`${id}-openapi`}
                type="url"
                value={openapi}
                placeholder="built-in Kaltura description"
                onChange={(e) => setOpenapi(e.target.value)}
              />
              <p className="field-desc">
                {apiSource.status === 'builtin'
                  ? 'Forms use the built-in Kaltura description.'
                  : apiSource.status === 'loading'
                    ? `Loading ${apiSource.url}…`
                    : apiSource.status === 'loaded'
                      ? `Forms use ${apiSource.url}.`
                      : `Could not load it: ${apiSource.error}`}
              </p>
            </div>
            <button type="submit" className="button-small">
              Use this description
            </button>
          </form>
        </div>
      )}
    </div>
  );
}
