/**
 * Request bodies of the sandbox's API calls: the parameter sources in precedence order (query,
 * path, body), and the body read as JSON, form, multipart (busboy: an uploadToken.upload chunk
 * streams straight into its token file when the KS and token id came first; other files are
 * spooled to the data folder) or raw bytes. Every text is bounded while it is read (limits.ts),
 * before anything is parsed or authenticated. The HTTP edge is http.ts.
 */
import { operationNamed } from '../description/operation-path';
import busboy from 'busboy';
import { randomBytes } from 'node:crypto';
import { createReadStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebReadableStream } from 'node:stream/web';
import type { SandboxCore } from './core';
import { KalturaApiError, toApiError } from './errors';
import { DEFAULT_LIMITS, FormScanner, JsonScanner, checkJsonText, limitsFor, tooLarge, type ParamLimits } from './limits';
import { FileArg, fromJson, mergeTree, paramText, setFlat, type ParamTree } from './params';
import { spoolDir } from './recovery';
import { SizeLimitError, drain, writeAt } from './streams';

/** The origin the caller used (behind a proxy: its forwarded host and protocol). */
export function baseUrlOf(request: Request, url: URL): string {
  const host = request.headers.get('x-forwarded-host') || request.headers.get('host') || url.host;
  const proto = (request.headers.get('x-forwarded-proto') || url.protocol.replace(':', '')).split(',')[0]!.trim();
  return `${proto}://${host}`;
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
export async function discardBody(request: Request): Promise<void> {
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

export interface Parsed {
  params: ParamTree;
  service: string;
  action: string;
  /** A call already started while the body streamed (an upload chunk). */
  early?: Promise<unknown>;
  files: FileArg[];
  spools: string[];
}

/** Everything needed to run the call, in precedence order (query wins). */
export class ParamSources {
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
    return this.pathService ?? paramText(t.service);
  }
  action(t: ParamTree): string {
    return this.pathAction ?? paramText(t.action);
  }
  /** Service and action as far as they are known before the body (path, then query). */
  early(): { service?: string | undefined; action?: string | undefined } {
    return {
      service: this.pathService ?? (paramText(this.query.service) || undefined),
      action: this.pathAction ?? (paramText(this.query.action) || undefined),
    };
  }
}

/**
 * Whether an upload chunk can stream straight into its token as its part arrives: only when the
 * KS and the token id came before it (the query, or earlier parts). Clients that send the file
 * part first (the official Ruby client) get it spooled, and the call runs once the body is read.
 */
function canRunEarly(t: ParamTree): boolean {
  return paramText(t.ks) !== '' && paramText(t.uploadTokenId) !== '';
}

function isUpload(service: string, action: string): boolean {
  return service.toLowerCase() === 'uploadtoken' && action.toLowerCase() === 'upload';
}

/** Reads the bodies of API calls for one sandbox core. */
export class BodyReader {
  private readonly spoolDir: string;
  private readonly limits: ParamLimits;
  constructor(readonly core: SandboxCore) {
    this.spoolDir = spoolDir(core.settings.dataDir);
    mkdirSync(this.spoolDir, { recursive: true });
    this.limits = { ...DEFAULT_LIMITS, maxBytes: core.settings.maxParamsBytes };
    if (!core.settings.bodyLimits)
      console.warn('[sandbox] SANDBOX_BODY_LIMITS=off: request bodies are parsed without bounds (benchmarks only)');
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
    const op = operationNamed(this.core.desc, service, action);
    return !!op && op.params.some((p) => p.type.kind === 'file');
  }

  /** Reads the body into `parsed` (params, service, action; files; spools to remove), bounded. */
  async parse(request: Request, src: ParamSources, parsed: Parsed): Promise<Parsed> {
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
      const file = new FileArg(
        paramText(t.fileName) || 'upload',
        'application/octet-stream',
        Readable.fromWeb(request.body as unknown as NodeWebReadableStream),
      );
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
            failure ??=
              e instanceof SizeLimitError
                ? new KalturaApiError('FILE_SIZE_EXCEEDED', { FILE_SIZE: max })
                : new KalturaApiError('UPLOAD_ERROR');
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
