/**
 * The HTTP edge of the sandbox: a web Request in, a Response out. Parses the path form
 * (`/api_v3/service/{service}/action/{action}`) and the query form (`?service=&action=`); query,
 * JSON, form and multipart bodies (busboy, file parts streamed: an uploadToken.upload chunk goes
 * straight into the token file, other files are spooled to the data folder). Always answers with
 * HTTP 200 and a Kaltura-shaped result or error (never a stack trace), with CORS headers.
 *
 * Other routes under /api_v3:
 * - GET /api_v3/openapi.json: the API description (OpenAPI) of the services the sandbox serves.
 * - GET /api_v3/sandbox/session: a fresh ADMIN KS of the sandbox partner, with partnerId and
 *   serviceUrl, so the console's browser UI connects with no configuration. Handed only to whom
 *   consoleAccess.ts allows (a browser on this machine, at a loopback or listed Host; else 403 with
 *   the reason); the secret itself is never returned. Sent without CORS headers, so other web sites
 *   cannot read it.
 * - GET /api_v3/sandbox/content/{entryId}[/download/{fileName}]: an entry's uploaded bytes
 *   (`dataUrl` / `downloadUrl`), with Range support.
 * - GET /api_v3/sandbox/asset/{kind}/{id}[/download/{fileName}]: the content of an object of the
 *   generic services (a caption or thumbnail asset: captionAsset.getUrl), the same way.
 * - GET /api_v3/sandbox/thumbnail/entry_id/{entryId}[/...]: an entry's default thumbnail
 *   (`thumbnailUrl`); size options after the id are accepted and ignored.
 *
 * Bodies are bounded before anything else happens (limits.ts: text size per action, entries,
 * depth, array length), and every spooled file is removed whatever the outcome.
 */
import busboy from 'busboy';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import type { SandboxCore } from './core';
import { consoleSessionDecision, peerOf } from './consoleAccess';
import { visitorIdOf } from './public';
import { KalturaApiError, toApiError } from './errors';
import { nowSec } from './ids';
import { buildKs, SESSION_ADMIN } from './ks';
import { DEFAULT_LIMITS, FormScanner, JsonScanner, checkJsonText, limitsFor, tooLarge, type ParamLimits } from './limits';
import { FileArg, fromJson, mergeTree, setFlat, type ParamTree, type RawValue } from './params';
import { spoolDir } from './recovery';
import { ENTRY_READY, contentBlob, refreshEntries } from './services/media';
import { FileAnswer, assetBlob } from './services/content';
import { FORMAT_JSON, FORMAT_PHP, toJson, toPhpSerialized, toXml } from './serialize';
import { SizeLimitError, drain, writeAt } from './streams';

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Accept, Range, X-Kaltura-Session-Id, X-Requested-With, Authorization',
  'Access-Control-Expose-Headers': 'Content-Length, Content-Range, X-Kaltura-Execution-Time',
  'Access-Control-Max-Age': '86400',
};

function baseUrlOf(request: Request, url: URL): string {
  const host = request.headers.get('x-forwarded-host') || request.headers.get('host') || url.host;
  const proto = (request.headers.get('x-forwarded-proto') || url.protocol.replace(':', '')).split(',')[0].trim();
  return `${proto}://${host}`;
}

function segmentsOf(url: URL): string[] {
  const i = url.pathname.indexOf('/api_v3');
  const rest = i >= 0 ? url.pathname.slice(i + '/api_v3'.length) : url.pathname;
  return rest
    .split('/')
    .filter(Boolean)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
}

function str(v: RawValue | undefined): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

interface Scanner {
  push(chunk: Uint8Array): void;
}

/** SANDBOX_BODY_LIMITS=off (benchmarks): the old 32 MiB text cap and nothing else. */
const UNBOUNDED: ParamLimits = { maxBytes: 32 * 1024 * 1024, maxEntries: Infinity, maxDepth: Infinity, maxArrayItems: Infinity };

/** Counts bytes only (SANDBOX_BODY_LIMITS=off: what the sandbox did before the scanners). */
class ByteCap implements Scanner {
  private bytes = 0;
  constructor(private readonly max: number) {}
  push(chunk: Uint8Array): void {
    this.bytes += chunk.length;
    if (this.bytes > this.max) throw tooLarge('text', this.max, 'bytes');
  }
}

function jsonScanner(limits: ParamLimits): Scanner {
  return limits === UNBOUNDED ? new ByteCap(limits.maxBytes) : new JsonScanner(limits);
}

function formScanner(limits: ParamLimits): Scanner {
  return limits === UNBOUNDED ? new ByteCap(limits.maxBytes) : new FormScanner(limits);
}

/** JSON when the first non-blank byte is `{`, else form encoding (a body with no or an unknown type). */
class SniffScanner implements Scanner {
  private inner?: Scanner;
  json = false;
  constructor(private readonly limits: ParamLimits) {}
  push(chunk: Uint8Array): void {
    if (!this.inner) {
      let i = 0;
      while (i < chunk.length && (chunk[i] === 0x20 || chunk[i] === 0x0a || chunk[i] === 0x0d || chunk[i] === 0x09)) i++;
      if (i === chunk.length) {
        if (chunk.length > this.limits.maxBytes) throw tooLarge('text', this.limits.maxBytes, 'bytes');
        return;
      }
      this.json = chunk[i] === 0x7b;
      this.inner = this.json ? jsonScanner(this.limits) : formScanner(this.limits);
    }
    this.inner.push(chunk);
  }
}

/**
 * The body as text, bounded by `scanner` chunk by chunk: past a bound it stops keeping anything,
 * reads (and drops) the rest so that the client gets the answer, and throws the scanner's error.
 */
async function readText(request: Request, scanner: Scanner): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    try {
      scanner.push(value);
    } catch (e) {
      chunks.length = 0;
      try {
        for (;;) if ((await reader.read()).done) break;
      } catch {
        /* the client went away */
      }
      throw e;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads and drops a body nobody read (an answer sent before the body is read may never arrive). */
async function discardBody(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed) return;
  try {
    const reader = request.body.getReader();
    for (;;) if ((await reader.read()).done) break;
  } catch {
    /* the client went away */
  }
}

function parseJsonBody(text: string, into: ParamTree): void {
  if (!text.trim()) return;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: 'JSON body (not valid JSON)' });
  }
  const t = fromJson(v);
  if (t && typeof t === 'object' && !Array.isArray(t) && !(t instanceof FileArg)) mergeTree(into, t);
}

interface Parsed {
  params: ParamTree;
  service: string;
  action: string;
  /** A call already started while the body streamed (an upload chunk). */
  early?: Promise<unknown>;
  files: FileArg[];
  spools: string[];
}

/** Everything needed to run the call, in precedence order (query wins). */
class ParamSources {
  body: ParamTree = {};
  constructor(
    readonly query: ParamTree,
    readonly path: ParamTree,
    readonly pathService: string | undefined,
    readonly pathAction: string | undefined,
  ) {}
  merged(): ParamTree {
    const t: ParamTree = {};
    mergeTree(t, this.body);
    mergeTree(t, this.path);
    mergeTree(t, this.query);
    return t;
  }
  service(t: ParamTree): string {
    return this.pathService ?? str(t.service);
  }
  action(t: ParamTree): string {
    return this.pathAction ?? str(t.action);
  }
  /** Service and action as far as they are known before the body (path, then query). */
  early(): { service?: string; action?: string } {
    return { service: this.pathService ?? (str(this.query.service) || undefined), action: this.pathAction ?? (str(this.query.action) || undefined) };
  }
}

/**
 * Whether an upload chunk can stream straight into its token as its part arrives: only when the
 * KS and the token id came before it (the query, or earlier parts). Clients that send the file
 * part first (the official Ruby client) get it spooled, and the call runs once the body is read.
 */
function canRunEarly(t: ParamTree): boolean {
  return str(t.ks) !== '' && str(t.uploadTokenId) !== '';
}

function isUpload(service: string, action: string): boolean {
  return service.toLowerCase() === 'uploadtoken' && action.toLowerCase() === 'upload';
}

export class SandboxHttp {
  private readonly spoolDir: string;
  /** The served OpenAPI document of the current description, serialized once per description. */
  private openApi?: { desc: unknown; text: string };
  private readonly limits: ParamLimits;
  constructor(readonly core: SandboxCore) {
    this.spoolDir = spoolDir(core.settings.dataDir);
    mkdirSync(this.spoolDir, { recursive: true });
    this.limits = { ...DEFAULT_LIMITS, maxBytes: core.settings.maxParamsBytes };
    if (!core.settings.bodyLimits) console.warn('[sandbox] SANDBOX_BODY_LIMITS=off: request bodies are parsed without bounds (benchmarks only)');
  }

  /** The bounds for this request's parameters (tighter for actions that take only scalars). */
  private limitsOf(src: ParamSources): ParamLimits {
    if (!this.core.settings.bodyLimits) return UNBOUNDED;
    const { service, action } = src.early();
    return limitsFor(this.core.desc, this.limits, service, action);
  }

  /** Whether a file part may be for this call: unknown actions yes (they may come later), else only actions with a file parameter. */
  private mayTakeFile(service: string, action: string): boolean {
    if (!service || !action) return true;
    const op = this.core.desc.operationByName(service, action) ?? this.core.desc.operation(`/service/${service}/action/${action}`);
    return !!op && op.params.some((p) => p.type.kind === 'file');
  }

  async handle(request: Request): Promise<Response> {
    try {
      return await this.route(request);
    } catch (e) {
      // last line of defence: never a 500, never a stack trace
      console.error('[sandbox] unexpected error:', (e as Error)?.message ?? e);
      return this.answer(toApiError(e).toObject(), 2, 0, 0);
    }
  }

  private async route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    this.core.announce(baseUrlOf(request, url));
    if (request.method === 'OPTIONS') {
      const asked = request.headers.get('access-control-request-headers');
      const headers = { ...CORS_HEADERS };
      if (asked && /^[A-Za-z0-9_,\s-]{1,1000}$/.test(asked)) headers['Access-Control-Allow-Headers'] = `${CORS_HEADERS['Access-Control-Allow-Headers']}, ${asked}`;
      return new Response(null, { status: 204, headers });
    }
    const seg = segmentsOf(url);
    const first = seg[0]?.toLowerCase();
    if (request.method === 'GET' || request.method === 'HEAD') {
      if (first === 'openapi.json' && seg.length === 1) {
        if (this.openApi?.desc !== this.core.desc) this.openApi = { desc: this.core.desc, text: JSON.stringify(servedDocument(this.core)) };
        return new Response(this.openApi.text, {
          headers: { ...CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' },
        });
      }
      if (first === 'sandbox' && seg[1] === 'session' && seg.length === 2) return this.consoleSession(request, url);
      if (first === 'sandbox' && seg[1] === 'content' && seg[2]) return this.content(request, seg[2], seg[3] === 'download' ? (seg[4] ?? seg[2]) : undefined);
      if (first === 'sandbox' && seg[1] === 'asset' && seg[2] && seg[3]) return this.asset(request, seg[2], seg[3], seg[4] === 'download' ? (seg[5] ?? seg[3]) : undefined);
      if (first === 'sandbox' && seg[1] === 'thumbnail' && seg[2] === 'entry_id' && seg[3]) return this.thumbnail(request, seg[3]);
    }
    return this.api(request, url, seg);
  }

  /**
   * See the file comment: an ADMIN KS for the console's own UI, never the secret. In public mode
   * (public.ts) it is a KS of the visitor's own partner, made on first use, never the shared one.
   */
  private async consoleSession(request: Request, url: URL): Promise<Response> {
    const h = request.headers;
    const visitors = this.core.visitors;
    const decision = consoleSessionDecision(
      { peer: peerOf(h), host: h.get('host'), origin: h.get('origin'), fetchSite: h.get('sec-fetch-site') },
      { consoleHosts: this.core.settings.consoleHosts, public: visitors ? { hosts: visitors.settings.hosts, origin: visitors.settings.baseUrl } : undefined },
    );
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
    if (!decision.allowed) {
      const body = { code: 'SERVICE_FORBIDDEN', message: decision.reason, objectType: 'KalturaAPIException', args: {} };
      return new Response(JSON.stringify(body), { status: 403, headers });
    }
    let p = this.core.partner;
    if (decision.partner === 'visitor') {
      if (!visitors) return new Response(JSON.stringify(new KalturaApiError('INTERNAL_SERVERL_ERROR').toObject()), { status: 500, headers });
      let found;
      try {
        found = await visitors.partnerFor(visitorIdOf(h.get('cookie')));
      } catch (e) {
        return new Response(JSON.stringify(toApiError(e).toObject()), { status: 503, headers });
      }
      p = found.partner;
      if (found.newVisitorId) {
        const secure = (h.get('x-forwarded-proto') ?? url.protocol.replace(':', '')).split(',')[0]!.trim() === 'https' || !!visitors.settings.baseUrl?.startsWith('https:');
        headers['Set-Cookie'] = visitors.cookie(found.newVisitorId, secure);
      }
    }
    const expiry = nowSec() + 86400;
    const ks = buildKs(p.admin_secret, { partnerId: p.id, type: SESSION_ADMIN, userId: '', expiry, privileges: new Map() });
    const serviceUrl = visitors?.settings.baseUrl ?? baseUrlOf(request, url);
    return new Response(JSON.stringify({ ks, partnerId: p.id, serviceUrl, sessionType: SESSION_ADMIN, expiry }), { headers });
  }

  private async content(request: Request, entryId: string, downloadName: string | undefined): Promise<Response> {
    await refreshEntries(this.core);
    const e = entryId.length <= 100 ? await this.core.store.getEntry(entryId) : undefined;
    const notFound = () => this.answer(new KalturaApiError('ENTRY_ID_NOT_FOUND', { ENTRY_ID: entryId.slice(0, 100) }).toObject(), FORMAT_JSON, 0, 0);
    if (!e || e.status !== ENTRY_READY) return notFound();
    return this.file(request, contentBlob(e.id), e.content_size, e.file_name ?? '', downloadName, notFound);
  }

  /** The content of an object of the generic services (not of a deleted one). */
  private async asset(request: Request, kind: string, id: string, downloadName: string | undefined): Promise<Response> {
    const row = kind.length <= 100 && id.length <= 200 ? await this.core.store.getObject(kind, id) : undefined;
    const notFound = () => this.answer(new KalturaApiError('INVALID_OBJECT_ID', { ID: id.slice(0, 100) }).toObject(), FORMAT_JSON, 0, 0);
    if (!row || row.content_size === null || this.core.objectDeleted(row)) return notFound();
    return this.file(request, assetBlob(row.kind, row.id), row.content_size, row.file_name ?? '', downloadName, notFound);
  }

  /** An entry's default thumbnail (see services/thumbnails.ts). */
  private async thumbnail(request: Request, entryId: string): Promise<Response> {
    const row = entryId.length <= 100 ? await this.core.defaultThumbnail?.(entryId) : undefined;
    const notFound = () => this.answer(new KalturaApiError('ENTRY_ID_NOT_FOUND', { ENTRY_ID: entryId.slice(0, 100) }).toObject(), FORMAT_JSON, 0, 0);
    if (!row || row.content_size === null) return notFound();
    return this.file(request, assetBlob(row.kind, row.id), row.content_size, row.file_name ?? '', undefined, notFound);
  }

  /** A blob's bytes (at most `limit` of them), with Range support and a sandboxing CSP. */
  private async file(request: Request, blob: string, limit: number | null, fileName: string, downloadName: string | undefined, notFound: () => Response): Promise<Response> {
    const stored = await this.core.store.blobs.size(blob);
    if (stored === undefined) return notFound();
    // never more than the upload's size (a stray late write cannot add bytes)
    const size = Math.min(stored, limit ?? Infinity);
    const headers: Record<string, string> = {
      ...CORS_HEADERS,
      'Content-Type': mimeOf(fileName),
      'Accept-Ranges': 'bytes',
      'X-Content-Type-Options': 'nosniff',
      // uploaded bytes are the uploader's: never a document that runs in this origin
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'no-cache',
    };
    if (downloadName !== undefined) headers['Content-Disposition'] = contentDisposition(fileName || downloadName);
    let start = 0;
    let end = size - 1;
    let status = 200;
    const range = request.headers.get('range');
    const m = range ? /^bytes=(\d*)-(\d*)$/.exec(range.trim()) : null;
    if (m && (m[1] || m[2])) {
      if (m[1]) {
        start = Number(m[1]);
        end = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
      } else {
        start = Math.max(0, size - Number(m[2]));
      }
      if (start > end || start >= size) {
        return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${size}` } });
      }
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    }
    headers['Content-Length'] = String(size === 0 ? 0 : end - start + 1);
    if (request.method === 'HEAD' || size === 0) return new Response(null, { status, headers });
    const stream = this.core.store.blobs.read(blob, start, end);
    return new Response(Readable.toWeb(stream) as unknown as ReadableStream, { status, headers });
  }

  private async api(request: Request, url: URL, seg: string[]): Promise<Response> {
    const started = performance.now();
    const query: ParamTree = {};
    for (const [k, v] of url.searchParams) setFlat(query, k, v);
    const path: ParamTree = {};
    let pathService: string | undefined;
    let pathAction: string | undefined;
    if (seg[0]?.toLowerCase() === 'service' && seg[1]) {
      pathService = seg[1];
      if (seg[2]?.toLowerCase() === 'action' && seg[3] !== undefined) {
        pathAction = seg[3];
        // `/service/x/action/y/name/value/...` pairs, as the real server accepts them
        for (let i = 4; i + 1 < seg.length; i += 2) setFlat(path, seg[i], seg[i + 1]);
      }
    }
    const src = new ParamSources(query, path, pathService, pathAction);
    let format = Number(str(query.format)) || 0;
    let result: unknown;
    // made here so that whatever parseBody spooled is known (and removed) even when it throws
    const parsed: Parsed = { params: {}, service: '', action: '', files: [], spools: [] };
    try {
      await this.parseBody(request, src, parsed);
      format = Number(str(parsed.params.format)) || format;
      result = parsed.early
        ? await parsed.early
        : await this.core.call({ service: parsed.service, action: parsed.action, params: parsed.params, baseUrl: baseUrlOf(request, url) });
    } catch (e) {
      if (!(e instanceof KalturaApiError)) console.error('[sandbox] internal error:', (e as Error)?.message ?? e);
      result = toApiError(e).toObject();
    } finally {
      for (const f of parsed.files) if (f.used) drain(f.stream);
      // every spooled file goes, whatever happened (parseBody settles only after its writes did)
      for (const p of parsed.spools) unlink(p).catch(() => undefined);
    }
    await discardBody(request);
    if (result instanceof FileAnswer && result.text !== undefined) {
      return new Response(result.text, {
        headers: { ...CORS_HEADERS, 'Content-Type': mimeOf(result.fileName), 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; sandbox", 'Cache-Control': 'no-cache' },
      });
    }
    if (result instanceof FileAnswer) {
      const file = result;
      return this.file(request, file.blob, file.size, file.fileName, undefined, () => this.answer(new KalturaApiError('INVALID_OBJECT_ID', { ID: file.fileName }).toObject(), format, started, performance.now()));
    }
    return this.answer(result, format, started, performance.now());
  }

  private answer(result: unknown, format: number, started: number, ended: number): Response {
    const secs = Math.max(0, (ended - started) / 1000);
    if (format === FORMAT_JSON) {
      return new Response(toJson(result), {
        headers: { ...CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'X-Kaltura-Execution-Time': secs.toFixed(6) },
      });
    }
    if (format === FORMAT_PHP) {
      return new Response(toPhpSerialized(result), {
        headers: { ...CORS_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'X-Kaltura-Execution-Time': secs.toFixed(6) },
      });
    }
    return new Response(toXml(result, secs), {
      headers: { ...CORS_HEADERS, 'Content-Type': 'text/xml; charset=utf-8', 'X-Kaltura-Execution-Time': secs.toFixed(6) },
    });
  }

  private async parseBody(request: Request, src: ParamSources, parsed: Parsed): Promise<Parsed> {
    // The lower-cased copy only recognises the type: a multipart boundary is case-sensitive
    // (Chromium's is mixed case), so busboy gets the header as sent.
    const rawCt = request.headers.get('content-type') || '';
    const ct = rawCt.toLowerCase();
    const limits = this.limitsOf(src);
    const finish = () => {
      parsed.params = src.merged();
      parsed.service = src.service(parsed.params);
      parsed.action = src.action(parsed.params);
      return parsed;
    };
    if (!request.body || request.method === 'GET' || request.method === 'HEAD') return finish();
    if (ct.startsWith('multipart/form-data')) {
      await this.parseMultipart(request, rawCt, src, parsed, limits);
      if (parsed.early) return parsed;
      return finish();
    }
    if (ct.includes('json')) {
      parseJsonBody(await readText(request, jsonScanner(limits)), src.body);
      return finish();
    }
    if (ct.startsWith('application/x-www-form-urlencoded') || ct.startsWith('text/plain')) {
      for (const [k, v] of new URLSearchParams(await readText(request, formScanner(limits)))) setFlat(src.body, k, v);
      return finish();
    }
    const t = src.merged();
    if (isUpload(src.service(t), src.action(t)) && !ct) {
      // raw bytes as the chunk (e.g. curl --data-binary with the parameters in the query)
      const file = new FileArg(str(t.fileName) || 'upload', 'application/octet-stream', Readable.fromWeb(request.body as unknown as NodeWebReadableStream));
      parsed.files.push(file);
      setFlat(src.body, 'fileData', file);
      return finish();
    }
    // no or unknown content type: JSON if it looks like it, else form encoding
    const sniff = new SniffScanner(limits);
    const text = await readText(request, sniff);
    if (sniff.json) parseJsonBody(text, src.body);
    else for (const [k, v] of new URLSearchParams(text)) setFlat(src.body, k, v);
    return finish();
  }

  private parseMultipart(request: Request, ct: string, src: ParamSources, parsed: Parsed, limits: ParamLimits): Promise<void> {
    const max = this.core.settings.maxUploadBytes;
    return new Promise<void>((resolve, reject) => {
      let bb: busboy.Busboy;
      try {
        bb = busboy({
          headers: { 'content-type': ct },
          // file names and field names as UTF-8 (busboy's default is latin1); RFC 5987 `filename*` too
          defParamCharset: 'utf8',
          limits: { fieldSize: limits.maxBytes, fields: limits.maxEntries, files: 50, parts: limits.maxEntries + 50, fieldNameSize: 1000 },
        });
      } catch {
        reject(new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: 'multipart body (bad boundary)' }));
        return;
      }
      let failure: KalturaApiError | undefined;
      const writes: Promise<unknown>[] = [];
      // the fields together (and the entries of a `json` field) stay within the same bounds
      let textBytes = 0;
      let entries = 0;
      // Past a bound, busboy is not fed the rest: the body is only read and dropped (any file part
      // in flight ends with an error, so its spool write settles and the spool is removed).
      let stopped = false;
      const refuse = (e: KalturaApiError) => {
        failure ??= e;
        if (stopped || parsed.early) return;
        stopped = true;
        body.unpipe(bb);
        bb.destroy();
        if (body.readableEnded || body.destroyed) done();
        else {
          body.once('end', done);
          body.once('close', done);
          body.resume();
        }
      };
      bb.on('field', (name, value, info) => {
        if (failure) return;
        if (info.valueTruncated || info.nameTruncated) {
          refuse(tooLarge(`field "${name.slice(0, 100)}"`, limits.maxBytes, 'bytes'));
          return;
        }
        textBytes += name.length + value.length;
        entries++;
        if (textBytes > limits.maxBytes) {
          refuse(tooLarge('multipart fields', limits.maxBytes, 'bytes', '; send files as file parts'));
          return;
        }
        if (entries > limits.maxEntries) {
          refuse(tooLarge('multipart fields', limits.maxEntries, 'fields'));
          return;
        }
        if (name === 'json') {
          try {
            if (limits !== UNBOUNDED) entries += checkJsonText(value, { ...limits, maxEntries: limits.maxEntries - entries });
            parseJsonBody(value, src.body);
          } catch (e) {
            refuse(toApiError(e));
          }
        } else setFlat(src.body, name, value);
      });
      const onLimit = (what: string, n: number) => () => refuse(tooLarge(`multipart ${what}`, n, what));
      bb.on('fieldsLimit', onLimit('fields', limits.maxEntries));
      bb.on('partsLimit', onLimit('parts', limits.maxEntries + 50));
      bb.on('filesLimit', onLimit('files', 50));
      bb.on('file', (name, stream, info) => {
        stream.on('error', () => undefined);
        if (failure || parsed.early) {
          stream.resume();
          return;
        }
        const t = src.merged();
        const service = src.service(t);
        const action = src.action(t);
        if (!this.mayTakeFile(service, action)) {
          // no spooling for a call that takes no file: its bytes are read and dropped
          stream.resume();
          return;
        }
        if (name === 'fileData' && isUpload(service, action) && canRunEarly(t)) {
          // stream this chunk straight into the token: the call runs now, with the parameters so far
          const file = new FileArg(info.filename || 'chunk', info.mimeType, stream);
          parsed.files.push(file);
          setFlat(t, name, file);
          parsed.params = t;
          parsed.service = service;
          parsed.action = action;
          const baseUrl = baseUrlOf(request, new URL(request.url));
          parsed.early = this.core.call({ service, action, params: t, baseUrl }).finally(() => drain(stream));
          parsed.early.catch(() => undefined);
          return;
        }
        const spool = join(this.spoolDir, randomBytes(12).toString('hex'));
        parsed.spools.push(spool);
        const w = writeAt(stream, spool, { flags: 'w', start: 0, maxEnd: max }).then(
          () => {
            const file = new FileArg(info.filename || 'file', info.mimeType, () => createReadStream(spool));
            parsed.files.push(file);
            setFlat(src.body, name, file);
          },
          (e) => {
            failure ??= e instanceof SizeLimitError ? new KalturaApiError('FILE_SIZE_EXCEEDED', { FILE_SIZE: max }) : new KalturaApiError('UPLOAD_ERROR');
          },
        );
        writes.push(w);
      });
      const body = Readable.fromWeb(request.body as unknown as NodeWebReadableStream);
      bb.on('error', () => {
        failure ??= new KalturaApiError('INVALID_FIELD_VALUE', { FIELD_NAME: 'multipart body (malformed)' });
        if (stopped) return;
        stopped = true;
        // read (and drop) the rest of the body before answering
        body.unpipe(bb);
        if (body.readableEnded || body.destroyed) done();
        else {
          body.once('end', done);
          body.once('close', done);
          body.resume();
        }
      });
      bb.on('close', () => {
        if (!stopped) done();
      });
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        Promise.all(writes).then(() => {
          if (parsed.early) {
            // the answer is the early call's; a broken rest of the body shows in its result
            resolve();
          } else if (failure) reject(failure);
          else resolve();
        }, reject);
      };
      body.on('error', () => {
        failure ??= new KalturaApiError('UPLOAD_ERROR');
        bb.destroy(new Error('request body failed'));
        done();
      });
      body.pipe(bb);
    });
  }
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/**
 * The description the sandbox follows, as served at /api_v3/openapi.json: its document with
 * `x-sandbox-simulated` on every operation (true: the sandbox answers it; false: it answers
 * SANDBOX_ACTION_NOT_SIMULATED), and `x-sandbox-simulated-count` at the top.
 */
export function servedDocument(core: SandboxCore): unknown {
  const doc = structuredClone(core.desc.document) as Record<string, unknown>;
  const paths = doc && typeof doc === 'object' ? (doc.paths as Record<string, Record<string, Record<string, unknown>>> | undefined) : undefined;
  let simulated = 0;
  let total = 0;
  for (const [path, item] of Object.entries(paths && typeof paths === 'object' ? paths : {})) {
    if (!item || typeof item !== 'object') continue;
    for (const m of METHODS) {
      const op = item[m];
      if (!op || typeof op !== 'object') continue;
      const described = core.desc.operation(path, m);
      const yes = !!described && core.simulates(described);
      op['x-sandbox-simulated'] = yes;
      total++;
      if (yes) simulated++;
    }
  }
  if (doc && typeof doc === 'object') doc['x-sandbox-simulated-count'] = { simulated, operations: total };
  return doc;
}

const MIME: Record<string, string> = {
  '.mp4': 'video/mp4', '.m4v': 'video/mp4', '.mov': 'video/quicktime', '.webm': 'video/webm', '.mkv': 'video/x-matroska',
  '.avi': 'video/x-msvideo', '.mp3': 'audio/mpeg', '.m4a': 'audio/mp4', '.wav': 'audio/wav', '.ogg': 'audio/ogg',
  '.flac': 'audio/flac', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.gif': 'image/gif',
  '.webp': 'image/webp', '.txt': 'text/plain; charset=utf-8', '.pdf': 'application/pdf',
  '.srt': 'text/plain; charset=utf-8', '.vtt': 'text/vtt; charset=utf-8', '.dfxp': 'application/ttml+xml', '.xml': 'application/xml',
};

/**
 * `attachment` with the name twice: as plain ASCII (other characters as `_`) for old clients, and
 * as UTF-8 in RFC 5987 form (`filename*=UTF-8''r%C3%A9sum%C3%A9.mp4`), which clients prefer.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function mimeOf(fileName: string): string {
  return MIME[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}
