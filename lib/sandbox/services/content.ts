/**
 * Content of the objects of the generic services (caption, thumbnail and attachment assets, ...):
 * `setContent` / `updateContent` / `addContent` take the same upload-token resource as
 * media.addContent (the sandbox never fetches URLs a user names), `getUrl` answers the URL of the
 * bytes, `serve` answers the bytes themselves; the bytes are served like entries' content
 * (`GET /api_v3/sandbox/asset/{kind}/{id}[/download/{fileName}]`, Range support).
 *
 * Crash order, as for entries (see recovery.ts): the object (content size, READY) and the CLOSED
 * token are committed in one transaction, then the file moves from uploads/ to assets/; removing
 * an object commits first, then removes its file.
 */
import { extname } from 'node:path';
import type { KObject } from '../coerce';
import type { CallContext } from '../context';
import type { SandboxCore } from '../core';
import { crashPoint } from '../crash';
import { KalturaApiError } from '../errors';
import type { Gen, Data } from '../generic/engine';
import { noun } from '../generic/engine';
import type { Shape } from '../generic/shapes';
import { nowSec } from '../ids';
import type { FileArg } from '../params';
import { blobName, type ObjectRow } from '../store';
import { SizeLimitError } from '../streams';
import { TOKEN_CLOSED, TOKEN_FULL_UPLOAD } from '../uploads';
import { findToken } from './uploadToken';

/** The attachedObjectType of a token whose file went to an object of a generic service. */
export const ATTACHED_ASSET = 'asset';

/** The blob of an object's content: `assets/{kind}_{id}` (characters outside [0-9A-Za-z_] dropped). */
export function assetBlob(kind: string, id: string): string {
  return blobName.asset(kind, id);
}

/**
 * An action's answer that is a file (serve): the HTTP edge sends the bytes (of the blob named
 * `blob`, or `text`), a multirequest the URL (or the text itself).
 */
export class FileAnswer {
  constructor(
    readonly blob: string,
    readonly size: number,
    readonly fileName: string,
    readonly url: string,
    readonly text?: string,
  ) {}
}

export function assetUrl(ctx: CallContext, row: ObjectRow, download = true): string {
  const base = `${ctx.baseUrl}/api_v3/sandbox/asset/${encodeURIComponent(row.kind)}/${encodeURIComponent(row.id)}`;
  return download ? `${base}/download/${encodeURIComponent(row.file_name || row.id)}` : base;
}

/** Width and height of a PNG, GIF or JPEG blob, read from its header (undefined for other files). */
export async function imageSize(core: SandboxCore, blob: string): Promise<{ width: number; height: number } | undefined> {
  try {
    const buf = await core.store.blobs.head(blob, 64 * 1024);
    if (!buf) return undefined;
    const n = buf.length;
    if (n >= 24 && buf.readUInt32BE(0) === 0x89504e47 && buf.toString('latin1', 12, 16) === 'IHDR')
      return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
    if (n >= 10 && buf.toString('latin1', 0, 3) === 'GIF') return { width: buf.readUInt16LE(6), height: buf.readUInt16LE(8) };
    if (n >= 4 && buf[0] === 0xff && buf[1] === 0xd8) {
      let i = 2;
      while (i + 9 < n) {
        if (buf[i] !== 0xff) return undefined;
        const marker = buf[i + 1]!;
        const len = buf.readUInt16BE(i + 2);
        if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
          return { width: buf.readUInt16BE(i + 7), height: buf.readUInt16BE(i + 5) };
        i += 2 + len;
      }
    }
  } catch {
    /* not readable: no dimensions */
  }
  return undefined;
}

/** `{NOUN}_IS_NOT_READY` as the operation documents it (CAPTION_ASSET_IS_NOT_READY), else a generic refusal. */
function notReady(g: Gen, row: ObjectRow): KalturaApiError {
  const code = `${noun(g.model.objectClass)}_IS_NOT_READY`;
  const own = g.op.errors?.find((e) => e.code === code) ?? g.op.errors?.find((e) => /_IS_NOT_READY$/.test(e.code));
  if (own) {
    const args: Record<string, string> = {};
    for (const m of own.message.matchAll(/@([A-Z0-9_]+)@/g)) args[m[1]!] = row.id;
    return new KalturaApiError(own.code, args, own.message);
  }
  return new KalturaApiError('INVALID_OBJECT_ID', { ID: row.id });
}

export function contentActions(core: SandboxCore) {
  return async (g: Gen, shape: Extract<Shape, { kind: 'setContent' | 'serve' | 'serveBy' | 'getUrl' }>): Promise<unknown> => {
    const { engine, ctx } = g;
    if (shape.kind === 'setContent') {
      const row = await engine.find(g, shape.key, true);
      const next = await attach(core, g, row, g.args[shape.resourceParam] as KObject | null);
      return g.op.result ? engine.present(ctx, g.model, next) : null;
    }
    let row: ObjectRow;
    if (shape.kind === 'serveBy') {
      // the default one (isDefault, or tagged default_thumb) among those with content, else the first
      const where = shape.props
        .filter(([p]) => g.args[p] !== null && g.args[p] !== undefined)
        .map(([p, prop]) => ({ field: prop, op: 'eq' as const, value: g.args[p] }));
      const found = (await engine.query(g, where, [], 500, 0)).filter((r) => r.content_size !== null);
      const isDefault = (r: ObjectRow) => /"isDefault":\s*(1|true)\b|default_thumb/.test(r.data);
      const pick = found.find(isDefault) ?? found[0];
      if (!pick) throw engine.notFound(g.op, g.model.objectClass, shape.props.map(([p]) => String(g.args[p] ?? '')).join(', '));
      row = pick;
    } else row = await engine.find(g, shape.key);
    const blob = assetBlob(row.kind, row.id);
    if (row.content_size === null || (await core.store.blobs.size(blob)) === undefined) throw notReady(g, row);
    if (shape.kind === 'getUrl') return assetUrl(ctx, row);
    return new FileAnswer(blob, row.content_size, row.file_name || row.id, assetUrl(ctx, row));
  };
}

/**
 * An asset's data once it has content: READY, the next version, its size in KB and bytes, the file
 * extension, and an image's width and height (each only where the class has the property).
 */
function withContent(
  g: Gen,
  row: ObjectRow,
  bytes: number,
  fileName: string | null | undefined,
  size: { width: number; height: number } | undefined,
  now: number,
): Data {
  const m = g.model;
  const data: Data = g.engine.dataOf(row);
  const ext = extname(fileName ?? '')
    .slice(1)
    .toLowerCase();
  const set = (k: string, v: unknown) => {
    if (m.props.has(k) && v !== undefined) data[k] = v;
  };
  set('status', m.status?.ready);
  set('version', (typeof data.version === 'number' ? data.version : 0) + 1);
  set('size', Math.ceil(bytes / 1024));
  set('sizeInBytes', bytes);
  if (ext) set('fileExt', ext);
  set('width', size?.width);
  set('height', size?.height);
  if (m.props.has('updatedAt')) data.updatedAt = now;
  return data;
}

/** Gives a complete upload token's file to an object (see the file comment for the order of writes). */
export async function attach(core: SandboxCore, g: Gen, row: ObjectRow, resource: KObject | null): Promise<ObjectRow> {
  const { ctx } = g;
  if (!resource) throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: 'contentResource' });
  if (resource.objectType !== 'KalturaUploadedFileTokenResource') {
    // the sandbox never fetches URLs a user names
    throw new KalturaApiError('RESOURCE_TYPE_NOT_SUPPORTED', { RES_TYPE: resource.objectType });
  }
  if (typeof resource.token !== 'string' || !resource.token)
    throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: 'contentResource:token' });
  const t = await findToken(ctx, resource.token);
  if (t.status === TOKEN_CLOSED || (t.attached_object_id && t.attached_object_id !== row.id))
    throw g.engine.error(g.op, 'UPLOADED_FILE_NOT_FOUND_BY_TOKEN');
  if (t.status !== TOKEN_FULL_UPLOAD) throw g.engine.error(g.op, 'UPLOAD_TOKEN_INVALID_STATUS_FOR_ADD_ENTRY');
  const src = core.uploads.tokenBlob(t.id);
  if ((await core.store.blobs.size(src)) === undefined) throw g.engine.error(g.op, 'UPLOADED_FILE_NOT_FOUND_BY_TOKEN');
  const bytes = t.uploaded_file_size;
  const now = nowSec();
  const data = withContent(g, row, bytes, t.file_name, await imageSize(core, src), now);
  const won = await core.store.tx(async () => {
    // one caller gives the token's bytes away (another, on any instance, finds it CLOSED)
    const cur = await core.store.getToken(t.id, { lock: true });
    if (!cur || cur.status !== TOKEN_FULL_UPLOAD) return false;
    await core.store.updateObject(row.kind, row.id, {
      data: JSON.stringify(data),
      content_size: bytes,
      file_name: t.file_name,
      updated_at: now,
    });
    await core.store.updateToken(t.id, {
      status: TOKEN_CLOSED,
      attached_object_type: ATTACHED_ASSET,
      attached_object_id: row.id,
      updated_at: now,
    });
    return true;
  });
  if (!won) throw g.engine.error(g.op, 'UPLOADED_FILE_NOT_FOUND_BY_TOKEN');
  crashPoint(core.settings, 'asset-attach:after-commit');
  await core.store.blobs.move(src, assetBlob(row.kind, row.id));
  return (await core.store.getObject(row.kind, row.id))!;
}

/**
 * Gives the bytes of a file part to an object (thumbAsset.addFromImage, updateThumbnailJpeg): written
 * beside its final place, then the object is committed, then the file moves in.
 */
export async function attachFile(core: SandboxCore, g: Gen, row: ObjectRow, file: FileArg): Promise<ObjectRow> {
  const tmp = `${assetBlob(row.kind, row.id)}.part`;
  const blobs = core.store.blobs;
  let bytes: number;
  let left: number | undefined;
  try {
    left = await core.visitors?.bytesLeft(g.ctx);
  } catch (e) {
    file.stream.resume();
    throw e;
  }
  const max = Math.min(core.settings.maxUploadBytes, left ?? Infinity);
  try {
    await blobs.remove(tmp);
    await blobs.create(tmp);
    bytes = await blobs.write(tmp, file.stream, 0, max);
  } catch (e) {
    blobs.remove(tmp).catch(() => undefined);
    if (e instanceof SizeLimitError && max < core.settings.maxUploadBytes) throw core.visitors!.bytesExceeded();
    throw e instanceof SizeLimitError
      ? new KalturaApiError('FILE_SIZE_EXCEEDED', { FILE_SIZE: core.settings.maxUploadBytes })
      : new KalturaApiError('UPLOAD_ERROR');
  }
  return commitPart(core, g, row, tmp, bytes, file.fileName || null);
}

/** The object committed with the bytes of its `.part` blob (size, name, image size), then the part moved into place. */
async function commitPart(
  core: SandboxCore,
  g: Gen,
  row: ObjectRow,
  tmp: string,
  bytes: number,
  fileName: string | null,
): Promise<ObjectRow> {
  const now = nowSec();
  const data = withContent(g, row, bytes, fileName, await imageSize(core, tmp), now);
  await core.store.updateObject(row.kind, row.id, {
    data: JSON.stringify(data),
    content_size: bytes,
    file_name: fileName,
    updated_at: now,
  });
  await core.store.blobs.move(tmp, assetBlob(row.kind, row.id));
  return (await core.store.getObject(row.kind, row.id))!;
}

/**
 * Gives an object a copy of another blob's bytes (documents.addFromFlavorAsset): copied beside its
 * final place, then the object is committed, then the copy moves in.
 */
export async function attachCopy(
  core: SandboxCore,
  g: Gen,
  row: ObjectRow,
  src: string,
  bytes: number,
  fileName: string,
): Promise<ObjectRow> {
  await core.visitors?.beforeInsert(g.ctx, bytes);
  const tmp = `${assetBlob(row.kind, row.id)}.part`;
  await core.store.blobs.copy(src, tmp);
  return commitPart(core, g, row, tmp, bytes, fileName);
}

/** After an object with content was removed or marked deleted: its file goes (a crash leaves it to recovery). */
export function dropContent(core: SandboxCore, row: ObjectRow): void {
  if (row.content_size === null) return;
  crashPoint(core.settings, 'asset-delete:after-commit');
  core.store.blobs.remove(assetBlob(row.kind, row.id)).catch(() => undefined);
}
