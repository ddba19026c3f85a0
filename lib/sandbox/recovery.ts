/**
 * Runs once at start, before any request: finishes or undoes what a crash (or a full disk) left
 * half done, and removes files nothing refers to. The order of writes elsewhere makes every
 * half-done state recognisable here:
 *
 * - uploadToken.add makes the file, then the row: a file without a token is an orphan (removed).
 * - uploadToken.delete removes the file, then marks the token: an active token without its file is
 *   a deletion to finish (DELETED, its waiting entries ERROR_IMPORTING).
 * - a complete upload is marked FULL_UPLOAD, then its file cut to size: cut again here. An upload
 *   whose counted bytes its file does not hold (lost outside the sandbox) starts again from 0.
 * - attaching content commits the entry and the CLOSED token in one transaction, then moves the
 *   file: a CLOSED token whose file is still in uploads/ is a move to finish.
 * - media.delete marks the entry, then removes its file: content of a deleted (or unknown) entry
 *   is removed. An entry that claims content whose bytes are nowhere becomes ERROR_CONVERTING, so
 *   it never shows READY without bytes.
 * - the multipart spool folder (tmp/) holds only files of requests in flight: emptied.
 * - the content of generic objects (assets, services/content.ts) follows the same orders: a CLOSED
 *   token attached to an asset whose file is still in uploads/ is a move to finish; files of
 *   deleted or unknown objects go; an object claiming content whose file is gone loses it (ERROR
 *   status where its class has one).
 *
 * On PostgreSQL, other instances may be serving while one starts: the repair runs under a lock,
 * one instance at a time, and leaves alone whatever changed within the last 10 minutes (a write
 * in flight elsewhere looks half done until its next step).
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRY_STATUS } from '../description/kaltura/statuses';
import { blobName, type ObjectRow } from './store';
import { ATTACHED_ASSET } from './services/content';
import type { SandboxCore } from './core';
import { parsePending } from './ranges';
import { TOKEN_CLOSED, TOKEN_FULL_UPLOAD, TOKEN_PARTIAL_UPLOAD, TOKEN_PENDING } from './uploads';
import { ENTRY_DELETED, ENTRY_PRECONVERT, ENTRY_READY } from './services/media';
import { markTokenDeleted } from './services/uploadToken';

export interface RecoveryReport {
  spoolsRemoved: number;
  movesFinished: number;
  deletionsFinished: number;
  truncated: number;
  uploadsRestarted: number;
  orphansRemoved: number;
  entriesWithoutContent: number;
}

export function spoolDir(dataDir: string): string {
  return join(dataDir, 'tmp');
}

/** Empties the multipart spool folder (only requests in flight use it; at start there are none). */
export function sweepSpools(dataDir: string): number {
  const dir = spoolDir(dataDir);
  mkdirSync(dir, { recursive: true });
  let n = 0;
  for (const name of readdirSync(dir)) {
    rmSync(join(dir, name), { force: true, recursive: true });
    n++;
  }
  return n;
}

/** How long another instance's write may be in flight (PostgreSQL): younger state is left alone. */
const SHARED_GRACE_SEC = 600;

export async function recover(core: SandboxCore): Promise<RecoveryReport> {
  const report: RecoveryReport = {
    spoolsRemoved: sweepSpools(core.settings.dataDir),
    movesFinished: 0,
    deletionsFinished: 0,
    truncated: 0,
    uploadsRestarted: 0,
    orphansRemoved: 0,
    entriesWithoutContent: 0,
  };
  const shared = core.store.kind === 'postgres';
  await core.store.withLock('sandbox:recovery', () => repair(core, report, shared ? SHARED_GRACE_SEC : 0));
  const changed = Object.entries(report).filter(([, n]) => n > 0);
  if (changed.length) console.log(`[sandbox] repaired at start: ${changed.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  return report;
}

async function repair(core: SandboxCore, report: RecoveryReport, graceSec: number): Promise<void> {
  const { store } = core;
  const blobs = store.blobs;
  const now = Math.floor(Date.now() / 1000);
  /** Settled: not changed within the grace time (always, on the embedded storage). */
  const settled = (updatedAtSec: number) => graceSec === 0 || updatedAtSec < now - graceSec;
  const settledBlob = (mtimeMs: number) => graceSec === 0 || mtimeMs < (now - graceSec) * 1000;
  const exists = async (name: string) => (await blobs.size(name)) !== undefined;

  // CLOSED tokens whose bytes never moved to their entry
  for (const t of await store.tokensWithStatus([TOKEN_CLOSED], 'entry')) {
    const src = blobName.upload(t.id);
    if (!t.attached_object_id || !settled(t.updated_at) || !(await exists(src))) continue;
    const dst = blobName.content(t.attached_object_id);
    if (await exists(dst)) await blobs.remove(src);
    else if (await blobs.move(src, dst)) report.movesFinished++;
  }

  // the same for tokens whose bytes went to an object of the generic services
  const withAssets = new Map<string, ObjectRow>();
  for (const o of await store.objectsWithContent()) withAssets.set(blobName.asset(o.kind, o.id), o);
  for (const t of await store.tokensWithStatus([TOKEN_CLOSED], ATTACHED_ASSET)) {
    const src = blobName.upload(t.id);
    if (!t.attached_object_id || !settled(t.updated_at) || !(await exists(src))) continue;
    const o =
      [...withAssets.values()].find((x) => x.id === t.attached_object_id && x.file_name === t.file_name) ??
      [...withAssets.values()].find((x) => x.id === t.attached_object_id);
    if (!o) {
      await blobs.remove(src);
      continue;
    }
    if (await blobs.move(src, blobName.asset(o.kind, o.id))) report.movesFinished++;
  }

  // active tokens: missing bytes are a deletion to finish; a complete one is cut to its size
  const active = await store.tokensWithStatus([TOKEN_PENDING, TOKEN_PARTIAL_UPLOAD, TOKEN_FULL_UPLOAD]);
  for (const t of active) {
    if (!settled(t.updated_at)) continue;
    const name = blobName.upload(t.id);
    const size = await blobs.size(name);
    if (size === undefined) {
      await markTokenDeleted(store, t.id);
      report.deletionsFinished++;
      continue;
    }
    if (t.status === TOKEN_FULL_UPLOAD && size > t.uploaded_file_size) {
      await blobs.truncate(name, t.uploaded_file_size);
      report.truncated++;
    } else if (t.status !== TOKEN_FULL_UPLOAD && size < Math.max(t.uploaded_file_size, ...parsePending(t.pending).map(([, end]) => end))) {
      // bytes counted that the blob does not hold: the upload starts again from 0
      await store.updateToken(t.id, { uploaded_file_size: 0, pending: '[]', updated_at: now });
      await blobs.truncate(name, 0);
      report.uploadsRestarted++;
    }
  }

  // bytes no live token refers to
  for (const b of await blobs.list('uploads/')) {
    if (!settledBlob(b.mtimeMs)) continue;
    const row = await store.getToken(b.name.slice('uploads/'.length));
    if (!row || row.status >= TOKEN_CLOSED) {
      await blobs.remove(b.name);
      report.orphansRemoved++;
    }
  }

  // content of deleted or unknown entries; entries that claim content they do not have
  for (const b of await blobs.list('content/')) {
    if (!settledBlob(b.mtimeMs)) continue;
    const row = await store.getEntry(b.name.slice('content/'.length));
    if (!row || row.status === ENTRY_DELETED) {
      await blobs.remove(b.name);
      report.orphansRemoved++;
    }
  }
  for (const e of await store.entriesWithStatus([ENTRY_PRECONVERT, ENTRY_READY], true)) {
    if (!settled(e.updated_at) || (await exists(blobName.content(e.id)))) continue;
    await store.updateEntry(e.id, { status: ENTRY_STATUS.ERROR_CONVERTING, updated_at: now });
    report.entriesWithoutContent++;
  }

  // asset bytes of deleted or unknown objects; objects that claim content they do not have
  for (const b of await blobs.list('assets/')) {
    if (!settledBlob(b.mtimeMs)) continue;
    const o = withAssets.get(b.name);
    if (!o || core.objectDeleted(o)) {
      await blobs.remove(b.name);
      report.orphansRemoved++;
    }
  }
  for (const [name, o] of withAssets) {
    if (!settled(o.updated_at) || core.objectDeleted(o) || (await exists(name))) continue;
    const data = JSON.parse(o.data) as Record<string, unknown>;
    const m = core.generic.modelOfClass(o.object_type);
    const error = m?.status?.byName.get('ERROR');
    if (error !== undefined) data.status = error;
    await store.updateObject(o.kind, o.id, { content_size: null, file_name: null, data: JSON.stringify(data), updated_at: now });
    report.entriesWithoutContent++;
  }
}
