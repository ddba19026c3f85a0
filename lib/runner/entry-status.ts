/**
 * Following a media entry's processing, framework-free: which answers are entries, which statuses
 * change by themselves, the media.get request (lib/request's mediaGetModel, through the one request path) and
 * a poll until the entry leaves processing. The page's EntryStatus (components/runner) and the
 * headless runner (run-recipe.ts) both use it, so they poll after the same steps.
 */
import { ENTRY_FAILED, ENTRY_PROCESSING, entryStatusName } from '@/lib/description/kaltura/statuses';
import { executeRequest, type CallError } from '@/lib/request/execute';
import { mediaGetModel } from '@/lib/request/models';
import { sleep } from '@/lib/time/sleep';
import type { Connection } from '@/lib/request/types';

export interface EntryJson {
  id: string;
  objectType: string;
  status?: number | string;
  downloadUrl?: string;
  dataUrl?: string;
  name?: string;
}

/** How often the page checks again, and for how long at most. */
export const ENTRY_POLL_MS = 1500;
export const ENTRY_POLL_LIMIT_MS = 5 * 60_000;

/** The answer as a media/base/playable entry, or undefined when it is something else. */
export function asEntry(x: unknown): EntryJson | undefined {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return undefined;
  const o = x as Record<string, unknown>;
  if (typeof o.id !== 'string' || typeof o.objectType !== 'string' || !/(Media|Base|Playable)Entry$/.test(o.objectType)) return undefined;
  return o as unknown as EntryJson;
}

/** Whether the entry is still being processed (its status will change by itself). */
export function isProcessing(entry: EntryJson | undefined): boolean {
  const name = entryStatusName(entry?.status);
  return name !== undefined && ENTRY_PROCESSING.includes(name);
}

/** Whether the entry ended without becoming playable (ERROR_CONVERTING, ERROR_IMPORTING, DELETED). */
export function hasFailed(entry: EntryJson | undefined): boolean {
  const name = entryStatusName(entry?.status);
  return name !== undefined && ENTRY_FAILED.includes(name);
}

export interface EntryCheck {
  /** Absent when the answer is not an entry (or the check failed). */
  entry?: EntryJson | undefined;
  error?: CallError | undefined;
}

/** One media.get: the entry as it is now. */
export async function checkEntry(
  entryId: string,
  connection: Connection,
  stepIndex: number,
  fetchImpl?: typeof fetch,
): Promise<EntryCheck> {
  const r = await executeRequest(mediaGetModel(entryId, connection, stepIndex), { fetchImpl });
  if (!r.ok) return { error: r.error };
  return { entry: asEntry(r.json) };
}

export interface PollOptions {
  connection: Connection;
  stepIndex: number;
  /** First pause between checks; doubled each time up to `maxIntervalMs`. Default: the page's. */
  intervalMs?: number;
  maxIntervalMs?: number;
  limitMs?: number;
  signal?: AbortSignal | undefined;
  fetchImpl?: typeof fetch | undefined;
  /** Each new state of the entry. */
  onUpdate?: (e: EntryJson) => void;
}

export interface PollResult {
  /** The last state seen. */
  entry: EntryJson;
  /** media.get calls made. */
  checks: number;
  /** Milliseconds spent waiting between checks. */
  waitedMs: number;
  /** Still processing when the time limit ran out. */
  timedOut: boolean;
  /** A check failed (the poll stops there). */
  error?: CallError;
}

/** Checks the entry (media.get) until it is no longer processing, fails, or the limit runs out. */
export async function pollEntry(first: EntryJson, o: PollOptions): Promise<PollResult> {
  const limit = o.limitMs ?? ENTRY_POLL_LIMIT_MS;
  const max = o.maxIntervalMs ?? o.intervalMs ?? ENTRY_POLL_MS;
  let interval = o.intervalMs ?? ENTRY_POLL_MS;
  let entry = first;
  let checks = 0;
  let waitedMs = 0;
  const started = Date.now();
  while (isProcessing(entry)) {
    if (o.signal?.aborted || Date.now() - started > limit) return { entry, checks, waitedMs, timedOut: !o.signal?.aborted };
    const t0 = performance.now();
    await sleep(Math.min(interval, Math.max(0, limit - (Date.now() - started))), o.signal);
    waitedMs += performance.now() - t0;
    interval = Math.min(max, interval * 2);
    if (o.signal?.aborted) return { entry, checks, waitedMs, timedOut: false };
    checks++;
    const r = await checkEntry(entry.id, o.connection, o.stepIndex, o.fetchImpl);
    if (r.error) return { entry, checks, waitedMs, timedOut: false, error: r.error };
    if (r.entry) {
      entry = r.entry;
      o.onUpdate?.(entry);
    }
  }
  return { entry, checks, waitedMs, timedOut: false };
}
