/**
 * Streams request bytes to a file at a position. The source is never destroyed (a busboy file
 * stream that is destroyed stalls the whole form): on any failure it is drained instead, so the
 * rest of the request is read and the client gets its answer.
 */
import { createWriteStream } from 'node:fs';
import type { Readable } from 'node:stream';

export class SizeLimitError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

/**
 * Writes `source` into `path` starting at `start` (flags 'r+' writes in place, 'w' creates).
 * Throws SizeLimitError past `maxEnd` (absolute end offset); returns the number of bytes written.
 */
export function writeAt(source: Readable, path: string, opts: { flags: 'r+' | 'w'; start: number; maxEnd: number }): Promise<number> {
  const { start, maxEnd } = opts;
  return new Promise<number>((resolve, reject) => {
    if (start > maxEnd) {
      drain(source);
      reject(new SizeLimitError(maxEnd));
      return;
    }
    let n = 0;
    let settled = false;
    const ws = createWriteStream(path, { flags: opts.flags, start, highWaterMark: 1 << 20 });
    const cleanup = () => {
      source.off('data', onData);
      source.off('end', onEnd);
      source.off('error', onError);
      source.off('close', onClose);
      source.on('error', () => undefined); // a late error of the source must not crash the server
      ws.off('drain', onDrain);
    };
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      cleanup();
      ws.destroy();
      drain(source);
      reject(e);
    };
    const onData = (chunk: Buffer) => {
      n += chunk.length;
      if (start + n > maxEnd) return fail(new SizeLimitError(maxEnd));
      if (!ws.write(chunk)) source.pause();
    };
    const onDrain = () => source.resume();
    const onEnd = () => {
      if (settled) return;
      cleanup();
      ws.end();
    };
    const onError = (e: unknown) => fail(e ?? new Error('source failed'));
    const onClose = () => {
      if (!source.readableEnded) fail(new Error('source closed early'));
    };
    ws.on('drain', onDrain);
    ws.on('error', (e) => fail(e));
    ws.once('finish', () => {
      if (settled) return;
      settled = true;
      resolve(n);
    });
    source.on('data', onData);
    source.once('end', onEnd);
    source.once('error', onError);
    source.once('close', onClose);
    source.resume();
  });
}

export function drain(source: Readable): void {
  if (!source.destroyed && !source.readableEnded) {
    source.on('error', () => undefined);
    source.resume();
  }
}
