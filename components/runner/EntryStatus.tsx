'use client';
/**
 * After a step that answers a media entry: the entry's status, a "Check status" action (media.get
 * through the one request path) that follows processing by itself until the entry is READY or
 * failed, and the entry's download link once it is ready. Each status (PRECONVERT, then READY) is
 * announced in a polite live region, which exists empty first so that screen readers say it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ENTRY_POLL_LIMIT_MS, ENTRY_POLL_MS, asEntry, checkEntry, isProcessing, type EntryJson } from '@/lib/runner/entry-status';
import { errorText } from '@/lib/request/response';
import { useConnectionState, useRunnerContext } from './RunnerContext';

type Entry = EntryJson;

function safeHref(u: string | undefined): string | undefined {
  if (!u) return undefined;
  try {
    const url = new URL(u, window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function EntryStatus({
  response,
  stepIndex,
  onUpdate,
}: {
  response: unknown;
  stepIndex: number;
  onUpdate?: (entry: unknown) => void;
}) {
  const ctx = useRunnerContext();
  const first = asEntry(response);
  const [entry, setEntry] = useState<Entry | undefined>(first);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string>();
  const started = useRef(0);
  const conn = useConnectionState(ctx!.connection);
  useEffect(() => setEntry(asEntry(response)), [response]);

  const check = useCallback(async () => {
    if (!ctx || !entry) return;
    setChecking(true);
    setError(undefined);
    const r = await checkEntry(entry.id, ctx.connection.connection(), stepIndex);
    setChecking(false);
    if (r.error) {
      setError(errorText(r.error));
      return;
    }
    if (r.entry) {
      setEntry(r.entry);
      onUpdate?.(r.entry);
    }
  }, [ctx, entry, stepIndex, onUpdate]);

  const processing = isProcessing(entry);
  useEffect(() => {
    if (!processing || conn.status !== 'connected') return;
    if (!started.current) started.current = Date.now();
    if (Date.now() - started.current > ENTRY_POLL_LIMIT_MS) return;
    const t = setTimeout(() => void check(), ENTRY_POLL_MS);
    return () => clearTimeout(t);
  }, [processing, check, conn.status]);

  if (!ctx || !entry) return null;
  const def = ctx.api.getEnum('KalturaEntryStatus');
  const member = def?.values.find((v) => String(v.value) === String(entry.status));
  const label = member ? `${member.label ?? member.name} [${member.value}]` : String(entry.status ?? 'unknown');
  const ready = member?.name === 'READY';
  const href = ready ? safeHref(entry.downloadUrl ?? entry.dataUrl) : undefined;
  const announce = `Entry ${entry.id} is ${member?.label ?? member?.name ?? String(entry.status ?? 'unknown')}${processing ? ', processing' : ''}.`;
  return (
    <div className={`entry-status${ready ? ' entry-ready' : ''}`} data-testid={`step-${stepIndex + 1}-entry-status`}>
      <span>
        Entry <code>{entry.id}</code>: <strong data-testid="entry-status-value">{label}</strong>
        {processing && ' — processing, checking again shortly…'}
      </span>{' '}
      <button
        type="button"
        className="button-small"
        onClick={() => void check()}
        disabled={checking}
        data-testid={`check-entry-${stepIndex + 1}`}
      >
        {checking ? 'Checking…' : 'Check status (media.get)'}
      </button>
      {href && (
        <>
          {' '}
          <a href={href} target="_blank" rel="noopener noreferrer" data-testid="entry-download">
            Download
          </a>
        </>
      )}
      {error && (
        <p className="field-message" role="alert">
          {error}
        </p>
      )}
      <LiveText text={announce} testId={`step-${stepIndex + 1}-entry-live`} />
    </div>
  );
}

/** A polite live region that is rendered empty, then says `text` (and each later text). */
function LiveText({ text, testId }: { text: string; testId: string }) {
  const [said, setSaid] = useState('');
  useEffect(() => setSaid(text), [text]);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid={testId}>
      {said}
    </p>
  );
}
