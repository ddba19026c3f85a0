/**
 * The HTTP edge of the sandbox: a web Request in, a Response out. Parses the path form
 * (`/api_v3/service/{service}/action/{action}`) and the query form (`?service=&action=`); the body
 * is read by http-body.ts (JSON, form, multipart with streamed file parts, raw bytes; bounded), and
 * bytes are served by http-files.ts. Always answers with HTTP 200 and a Kaltura-shaped result or
 * error (never a stack trace), with CORS headers.
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
import { unlink } from 'node:fs/promises';
import type { SandboxCore } from './core';
import { systemPartnerOnly } from '../description/kaltura/system-partners';
import { consoleSessionDecision, peerOf } from './consoleAccess';
import { visitorIdOf } from './public';
import { KalturaApiError, toApiError } from './errors';
import { nowSec } from './ids';
import { buildKs, SESSION_ADMIN } from './ks';
import { paramText, setFlat, type ParamTree } from './params';
import { ENTRY_READY, contentBlob, refreshEntries } from './services/media';
import { FileAnswer, assetBlob } from './services/content';
import { FORMAT_JSON, FORMAT_PHP, toJson, toPhpSerialized, toXml } from './serialize';
import type { ObjectRow } from './store';
import { drain } from './streams';
import { BodyReader, ParamSources, baseUrlOf, discardBody, type Parsed } from './http-body';
import { CORS_HEADERS, mimeOf, serveBlob } from './http-files';

export { CORS_HEADERS, contentDisposition } from './http-files';

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

export class SandboxHttp {
  /** The served OpenAPI document of the current description, serialized once per description. */
  private openApi?: { desc: unknown; text: string };
  private readonly body: BodyReader;
  constructor(readonly core: SandboxCore) {
    this.body = new BodyReader(core);
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
      if (asked && /^[A-Za-z0-9_,\s-]{1,1000}$/.test(asked))
        headers['Access-Control-Allow-Headers'] = `${CORS_HEADERS['Access-Control-Allow-Headers']}, ${asked}`;
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
      if (first === 'sandbox' && seg[1] === 'content' && seg[2])
        return this.content(request, seg[2], seg[3] === 'download' ? (seg[4] ?? seg[2]) : undefined);
      if (first === 'sandbox' && seg[1] === 'asset' && seg[2] && seg[3])
        return this.asset(request, seg[2], seg[3], seg[4] === 'download' ? (seg[5] ?? seg[3]) : undefined);
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
      {
        consoleHosts: this.core.settings.consoleHosts,
        public: visitors ? { hosts: visitors.settings.hosts, origin: visitors.settings.baseUrl } : undefined,
      },
    );
    const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
    if (!decision.allowed) {
      const body = { code: 'SERVICE_FORBIDDEN', message: decision.reason, objectType: 'KalturaAPIException', args: {} };
      return new Response(JSON.stringify(body), { status: 403, headers });
    }
    let p = this.core.partner;
    if (decision.partner === 'visitor') {
      if (!visitors)
        return new Response(JSON.stringify(new KalturaApiError('INTERNAL_SERVERL_ERROR').toObject()), { status: 500, headers });
      let found: Awaited<ReturnType<NonNullable<typeof visitors>['partnerFor']>>;
      try {
        found = await visitors.partnerFor(visitorIdOf(h.get('cookie')));
      } catch (e) {
        return new Response(JSON.stringify(toApiError(e).toObject()), { status: 503, headers });
      }
      p = found.partner;
      if (found.newVisitorId) {
        const secure =
          (h.get('x-forwarded-proto') ?? url.protocol.replace(':', '')).split(',')[0]!.trim() === 'https' ||
          !!visitors.settings.baseUrl?.startsWith('https:');
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
    const notFound = () =>
      this.answer(new KalturaApiError('ENTRY_ID_NOT_FOUND', { ENTRY_ID: entryId.slice(0, 100) }).toObject(), FORMAT_JSON, 0, 0);
    if (!e || e.status !== ENTRY_READY) return notFound();
    return serveBlob(request, this.core.store.blobs, contentBlob(e.id), e.content_size, e.file_name ?? '', downloadName, notFound);
  }

  /** The content of an object of the generic services (not of a deleted one). */
  private async asset(request: Request, kind: string, id: string, downloadName: string | undefined): Promise<Response> {
    const row = kind.length <= 100 && id.length <= 200 ? await this.core.store.getObject(kind, id) : undefined;
    const notFound = () => this.answer(new KalturaApiError('INVALID_OBJECT_ID', { ID: id.slice(0, 100) }).toObject(), FORMAT_JSON, 0, 0);
    return this.objectContent(request, row && !this.core.objectDeleted(row) ? row : undefined, downloadName, notFound);
  }

  /** An entry's default thumbnail (see services/thumbnails.ts). */
  private async thumbnail(request: Request, entryId: string): Promise<Response> {
    const row = entryId.length <= 100 ? await this.core.defaultThumbnail?.(entryId) : undefined;
    const notFound = () =>
      this.answer(new KalturaApiError('ENTRY_ID_NOT_FOUND', { ENTRY_ID: entryId.slice(0, 100) }).toObject(), FORMAT_JSON, 0, 0);
    return this.objectContent(request, row, undefined, notFound);
  }

  /** The bytes an object holds (Range requests included), or `notFound` when it holds none. */
  private objectContent(
    request: Request,
    row: ObjectRow | undefined,
    downloadName: string | undefined,
    notFound: () => Response,
  ): Response | Promise<Response> {
    if (!row || row.content_size === null) return notFound();
    return serveBlob(
      request,
      this.core.store.blobs,
      assetBlob(row.kind, row.id),
      row.content_size,
      row.file_name ?? '',
      downloadName,
      notFound,
    );
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
        for (let i = 4; i + 1 < seg.length; i += 2) setFlat(path, seg[i]!, seg[i + 1]!);
      }
    }
    const src = new ParamSources(query, path, pathService, pathAction);
    let format = Number(paramText(query.format)) || 0;
    let result: unknown;
    // made here so that whatever parseBody spooled is known (and removed) even when it throws
    const parsed: Parsed = { params: {}, service: '', action: '', files: [], spools: [] };
    try {
      await this.body.parse(request, src, parsed);
      format = Number(paramText(parsed.params.format)) || format;
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
        headers: {
          ...CORS_HEADERS,
          'Content-Type': mimeOf(result.fileName),
          'X-Content-Type-Options': 'nosniff',
          'Content-Security-Policy': "default-src 'none'; sandbox",
          'Cache-Control': 'no-cache',
        },
      });
    }
    if (result instanceof FileAnswer) {
      const file = result;
      return serveBlob(request, this.core.store.blobs, file.blob, file.size, file.fileName, undefined, () =>
        this.answer(new KalturaApiError('INVALID_OBJECT_ID', { ID: file.fileName }).toObject(), format, started, performance.now()),
      );
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
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'];

/**
 * The description the sandbox follows, as served at /api_v3/openapi.json: its document with
 * `x-sandbox-simulated` on every operation (true: the sandbox answers it; false: it answers
 * SANDBOX_ACTION_NOT_SIMULATED), `x-sandbox-system-partners-only` on the operations Kaltura grants only
 * to its own system partners (answered SERVICE_FORBIDDEN, as Kaltura answers every customer
 * partner), and `x-sandbox-simulated-count` at the top.
 */
export function servedDocument(core: SandboxCore): unknown {
  const doc = structuredClone(core.desc.document) as Record<string, unknown>;
  const paths =
    doc && typeof doc === 'object' ? (doc.paths as Record<string, Record<string, Record<string, unknown>>> | undefined) : undefined;
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
      // answered SERVICE_FORBIDDEN, as Kaltura answers every customer partner
      if (described && systemPartnerOnly(described, core.desc.document)) op['x-sandbox-system-partners-only'] = true;
      total++;
      if (yes) simulated++;
    }
  }
  if (doc && typeof doc === 'object') doc['x-sandbox-simulated-count'] = { simulated, operations: total };
  return doc;
}
