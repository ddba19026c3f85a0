/**
 * An in-process stand-in for uploadToken.get/upload, for unit tests of the uploader's own logic
 * (order of requests, pause, probing, trimming). The real protocol is tested against the real
 * sandbox in tests/integration/upload.
 */
import type { RequestModel } from '@/lib/request/types';
import type { Transport, TransportRequest } from '@/lib/upload/types';

/** The step's uploadToken.upload model as the runner builds it (seed defaults). */
export function uploadModel(over: Partial<Record<'resume' | 'finalChunk' | 'resumeAt', boolean | number>> = {}): RequestModel {
  return {
    stepIndex: 1,
    service: 'uploadToken',
    action: 'upload',
    method: 'POST',
    serviceUrl: 'http://127.0.0.1:1/',
    params: [
      {
        name: 'uploadTokenId',
        value: { kind: 'ref', fromStep: 0, source: 'value', path: 'id', resolved: { kind: 'string', value: '0_tok' } },
      },
      { name: 'fileData', value: { kind: 'file', name: 'a.mp4', size: 10 } },
      { name: 'resume', value: { kind: 'bool', value: (over.resume as boolean) ?? false } },
      { name: 'finalChunk', value: { kind: 'bool', value: (over.finalChunk as boolean) ?? true } },
      { name: 'resumeAt', value: { kind: 'int', value: (over.resumeAt as number) ?? -1 } },
    ],
    ks: 'KS-SECRET',
    format: 1,
  };
}

export interface FakeRequest {
  action: string;
  fields: Record<string, string>;
  fileSize?: number | undefined;
  url: string;
}

export class FakeServer {
  data = new Uint8Array(0);
  ranges: Array<[number, number]> = [];
  status = 0;
  fileName: string | undefined;
  requests: FakeRequest[] = [];
  /** Return a value to replace the normal answer: 'network' throws a TypeError, an object is sent as JSON. */
  intercept: ((r: FakeRequest) => 'network' | object | undefined) | undefined;
  inflight = 0;
  maxInflight = 0;

  get held(): number {
    let h = 0;
    for (const [s, e] of [...this.ranges].sort((a, b) => a[0] - b[0])) if (s <= h && e > h) h = e;
    return h;
  }

  token() {
    return {
      objectType: 'KalturaUploadToken',
      id: '0_tok',
      status: this.status,
      uploadedFileSize: this.held,
      ...(this.fileName ? { fileName: this.fileName } : {}),
    };
  }

  write(offset: number, bytes: Uint8Array) {
    if (offset + bytes.length > this.data.length) {
      const n = new Uint8Array(offset + bytes.length);
      n.set(this.data);
      this.data = n;
    }
    this.data.set(bytes, offset);
    if (bytes.length) this.ranges.push([offset, offset + bytes.length]);
  }

  transport(delayMs = 1): Transport {
    return async (req: TransportRequest) => {
      const u = new URL(req.http.url);
      const action = u.pathname.split('/').pop()!;
      const fields: Record<string, string> = {};
      if (req.http.body.kind !== 'none') for (const [k, v] of req.http.body.fields) fields[k] = v;
      const blob = req.files.fileData;
      const r: FakeRequest = { action, fields, fileSize: blob?.size, url: req.http.url };
      this.requests.push(r);
      this.inflight++;
      this.maxInflight = Math.max(this.maxInflight, this.inflight);
      try {
        const bytes = blob ? new Uint8Array(await blob.arrayBuffer()) : undefined;
        await new Promise((res, rej) => {
          const t = setTimeout(res, delayMs);
          req.signal.addEventListener('abort', () => {
            clearTimeout(t);
            const e = new Error('aborted');
            e.name = 'AbortError';
            rej(e);
          });
        });
        const x = this.intercept?.(r);
        if (x === 'network') throw new TypeError('fetch failed');
        if (x) return { status: 200, text: JSON.stringify(x) };
        if (action === 'get') return { status: 200, text: JSON.stringify(this.token()) };
        const resume = fields.resume === '1';
        const finalChunk = fields.finalChunk === '1';
        const resumeAt = Number(fields.resumeAt);
        if (!this.fileName && blob) this.fileName = 'x';
        if (!resume) {
          this.data = new Uint8Array(0);
          this.ranges = [];
          this.write(0, bytes!);
        } else {
          if (this.ranges.length === 0 && this.status === 0)
            return { status: 200, text: JSON.stringify({ code: 'UPLOAD_TOKEN_CANNOT_RESUME', message: 'cannot resume' }) };
          this.write(resumeAt < 0 ? this.held : resumeAt, bytes!);
        }
        this.status = 1;
        if (finalChunk) {
          if (resume && resumeAt > 0 && this.held !== resumeAt + bytes!.length)
            return {
              status: 200,
              text: JSON.stringify({ code: 'UPLOAD_TOKEN_CANNOT_MATCH_EXPECTED_SIZE', message: 'Failed to match expected file size' }),
            };
          this.status = 2;
        }
        return { status: 200, text: JSON.stringify(this.token()) };
      } finally {
        this.inflight--;
      }
    };
  }
}
