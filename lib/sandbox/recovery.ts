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
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, truncateSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ENTRY_STATUS } from '../api/kaltura/statuses';
import type { ObjectRow } from './store';
import { ATTACHED_ASSET, assetDir, assetPath } from './services/content';
import type { SandboxCore } from './core';
import { parsePending } from './ranges';
import { TOKEN_CLOSED, TOKEN_FULL_UPLOAD, TOKEN_PARTIAL_UPLOAD, TOKEN_PENDING } from './uploads';
import { contentPath, contentDir, ENTRY_DELETED, ENTRY_PRECONVERT, ENTRY_READY } from './services/media';
import { markTokenDeleted, removeFile } from './services/uploadToken';


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

export function recover(core: SandboxCore): RecoveryReport {
  const report: RecoveryReport = { spoolsRemoved: sweepSpools(core.settings.dataDir), movesFinished: 0, deletionsFinished: 0, truncated: 0, uploadsRestarted: 0, orphansRemoved: 0, entriesWithoutContent: 0 };
  const { store, uploads } = core;

  // CLOSED tokens whose file never moved to their entry
  for (const t of store.tokensWithStatus([TOKEN_CLOSED], 'entry')) {
    const src = uploads.tokenPath(t.id);
    if (!existsSync(src) || !t.attached_object_id) continue;
    const dst = contentPath(core, t.attached_object_id);
    if (existsSync(dst)) removeFile(src);
    else {
      renameSync(src, dst);
      report.movesFinished++;
    }
  }

  // the same for tokens whose file went to an object of the generic services
  const withAssets = new Map<string, ObjectRow>();
  for (const o of store.objectsWithContent()) withAssets.set(basename(assetPath(core, o.kind, o.id)), o);
  for (const t of store.tokensWithStatus([TOKEN_CLOSED], ATTACHED_ASSET)) {
    const src = uploads.tokenPath(t.id);
    if (!existsSync(src) || !t.attached_object_id) continue;
    const o = [...withAssets.values()].find((x) => x.id === t.attached_object_id && x.file_name === t.file_name) ?? [...withAssets.values()].find((x) => x.id === t.attached_object_id);
    if (!o) {
      removeFile(src);
      continue;
    }
    const dst = assetPath(core, o.kind, o.id);
    renameSync(src, dst);
    report.movesFinished++;
  }

  // active tokens: a missing file is a deletion to finish; a complete one is cut to its size
  const active = store.tokensWithStatus([TOKEN_PENDING, TOKEN_PARTIAL_UPLOAD, TOKEN_FULL_UPLOAD]);
  for (const t of active) {
    const path = uploads.tokenPath(t.id);
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      markTokenDeleted(store, t.id);
      report.deletionsFinished++;
      continue;
    }
    if (t.status === TOKEN_FULL_UPLOAD && size > t.uploaded_file_size) {
      truncateSync(path, t.uploaded_file_size);
      report.truncated++;
    } else if (t.status !== TOKEN_FULL_UPLOAD && size < Math.max(t.uploaded_file_size, ...parsePending(t.pending).map(([, end]) => end))) {
      // bytes counted that the file does not hold: the upload starts again from 0
      store.updateToken(t.id, { uploaded_file_size: 0, pending: '[]', updated_at: Math.floor(Date.now() / 1000) });
      truncateSync(path, 0);
      report.uploadsRestarted++;
    }
  }

  // files no live token refers to
  const uploadDir = join(core.settings.dataDir, 'uploads');
  for (const name of existsSync(uploadDir) ? readdirSync(uploadDir) : []) {
    const row = store.getToken(name);
    if (!row || row.status >= TOKEN_CLOSED) {
      removeFile(join(uploadDir, name));
      report.orphansRemoved++;
    }
  }

  // content of deleted or unknown entries; entries that claim content they do not have
  const cdir = contentDir(core);
  for (const name of readdirSync(cdir)) {
    const row = store.getEntry(name);
    if (!row || row.status === ENTRY_DELETED) {
      removeFile(join(cdir, name));
      report.orphansRemoved++;
    }
  }
  const withContent = store.entriesWithStatus([ENTRY_PRECONVERT, ENTRY_READY], true);
  for (const e of withContent) {
    if (existsSync(contentPath(core, e.id))) continue;
    store.updateEntry(e.id, { status: ENTRY_STATUS.ERROR_CONVERTING, updated_at: Math.floor(Date.now() / 1000) });
    report.entriesWithoutContent++;
  }

  // asset files of deleted or unknown objects; objects that claim content they do not have
  const adir = assetDir(core);
  for (const name of readdirSync(adir)) {
    const o = withAssets.get(name);
    if (!o || core.objectDeleted(o)) {
      removeFile(join(adir, name));
      report.orphansRemoved++;
    }
  }
  for (const [name, o] of withAssets) {
    if (core.objectDeleted(o) || existsSync(join(adir, name))) continue;
    const data = JSON.parse(o.data) as Record<string, unknown>;
    const m = core.generic.modelOfClass(o.object_type);
    const error = m?.status?.byName.get('ERROR');
    if (error !== undefined) data.status = error;
    store.updateObject(o.kind, o.id, { content_size: null, file_name: null, data: JSON.stringify(data), updated_at: Math.floor(Date.now() / 1000) });
    report.entriesWithoutContent++;
  }

  const changed = Object.entries(report).filter(([, n]) => n > 0);
  if (changed.length) console.log(`[sandbox] repaired at start: ${changed.map(([k, n]) => `${k} ${n}`).join(', ')}`);
  return report;
}
