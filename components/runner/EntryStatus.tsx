'use client';
/**
 * After a step that answers a media entry: the entry's status, a "Check status" action (media.get
 * through the one request path) that follows processing by itself until the entry is READY or
 * failed, and the entry's download link once it is ready. Each status (PRECONVERT, then READY) is
 * announced in a polite live region, which exists empty first so that screen readers say it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RequestModel } from '@/lib/request/types';
import { executeRequest } from '@/lib/request/execute';
import { useConnectionState, useRunnerContext } from './RunnerContext';

interface Entry {
  id: string;
  objectType: string;
  status?: number | string;
  downloadUrl?: string;
  dataUrl?: string;
  name?: string;
}

/** Statuses that change by themselves (IMPORT, PRECONVERT, PENDING). */
const PROCESSING = new Set(['0', '1', '4']);
const POLL_MS = 1500;
const POLL_LIMIT_MS = 5 * 60_000;

function asEntry(x: unknown): Entry | undefined {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return undefined;
  const o = x as Record<string, unknown>;
  if (typeof o.id !== 'string' || typeof o.objectType !== 'string' || !/(Media|Base|Playable)Entry$/.test(o.objectType)) return undefined;
  return o as unknown as Entry;
}

function safeHref(u: string | undefined): string | undefined {
  if (!u) return undefined;
  try {
    const url = new URL(u, window.location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

export function EntryStatus({ response, stepIndex }: { response: unknown; stepIndex: number }) {
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
    const c = ctx.connection.connection();
    const model: RequestModel = {
      stepIndex,
      service: 'media',
      action: 'get',
      method: 'POST',
      serviceUrl: c.serviceUrl,
      params: [{ name: 'entryId', value: { kind: 'string', value: entry.id } }],
      format: 1,
      ...(c.ks ? { ks: c.ks } : {}),
      ...(c.partnerId !== undefined ? { partnerId: c.partnerId } : {}),
    };
    const r = await executeRequest(model);
    setChecking(false);
    if (!r.ok) {
      setError(r.error?.kind === 'kaltura' ? `${r.error.code}: ${r.error.message}` : r.error?.message);
      return;
    }
    const e = asEntry(r.json);
    if (e) setEntry(e);
  }, [ctx, entry, stepIndex]);

  const processing = entry?.status !== undefined && PROCESSING.has(String(entry.status));
  useEffect(() => {
    if (!processing || conn.status !== 'connected') return;
    if (!started.current) started.current = Date.now();
    if (Date.now() - started.current > POLL_LIMIT_MS) return;
    const t = setTimeout(() => void check(), POLL_MS);
    return () => clearTimeout(t);
  }, [processing, entry, check, conn.status]);

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
      <button type="button" className="button-small" onClick={() => void check()} disabled={checking} data-testid={`check-entry-${stepIndex + 1}`}>
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
