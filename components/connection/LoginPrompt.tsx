'use client';
/** "Log in again": shown when a call answered INVALID_KS (in the response and the connection panel). */
import { useState } from 'react';
import type { ConnectionStore } from '@/lib/connection/connection-state';
import { openConnectionPanel } from './open';

export function LoginPrompt({ connection }: { connection: ConnectionStore }) {
  const [busy, setBusy] = useState(false);
  const s = connection.getState();
  const canRelogin = s.mode === 'sandbox' || (s.mode === 'secret' && !!s.secret);
  return (
    <div className="login-prompt" data-testid="login-prompt">
      <p>
        The session is not valid any more (expired, ended, or not made for this endpoint).{' '}
        {canRelogin
          ? 'Start a new one and run the step again.'
          : 'Paste a new KS or log in with your admin secret in the connection panel.'}
      </p>
      {canRelogin ? (
        <button
          type="button"
          className="button-small"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            await connection.relogin();
            setBusy(false);
          }}
        >
          {busy ? 'Logging in…' : 'Log in again'}
        </button>
      ) : (
        <button type="button" className="button-small" onClick={openConnectionPanel}>
          Open the connection panel
        </button>
      )}
    </div>
  );
}
