/**
 * Bytes the sandbox serves over HTTP (entry content, asset content, thumbnails, file answers of
 * API calls): Range requests, a content type from the file name, `Content-Disposition` for
 * downloads, and a sandboxing CSP so uploaded bytes never run as a document of this origin.
 */
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import type { BlobStore } from './store';

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Accept, Range, X-Kaltura-Session-Id, X-Requested-With, Authorization',
  'Access-Control-Expose-Headers': 'Content-Length, Content-Range, X-Kaltura-Execution-Time',
  'Access-Control-Max-Age': '86400',
};

/** A blob's bytes (at most `limit` of them), with Range support and a sandboxing CSP. */
export async function serveBlob(
  request: Request,
  blobs: BlobStore,
  blob: string,
  limit: number | null,
  fileName: string,
  downloadName: string | undefined,
  notFound: () => Response,
): Promise<Response> {
  const stored = await blobs.size(blob);
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
  const stream = blobs.read(blob, start, end);
  return new Response(Readable.toWeb(stream) as unknown as ReadableStream, { status, headers });
}

const MIME: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.mov': 'video/quicktime',
  '.webm': 'video/webm',
  '.mkv': 'video/x-matroska',
  '.avi': 'video/x-msvideo',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.flac': 'audio/flac',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.srt': 'text/plain; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.dfxp': 'application/ttml+xml',
  '.xml': 'application/xml',
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

export function mimeOf(fileName: string): string {
  return MIME[extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}
