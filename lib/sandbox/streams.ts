/**
 * Streams request bytes to a file at a position. The source is never destroyed (a busboy file
 * stream that is destroyed stalls the whole form): on any failure it is drained instead, so the
 * rest of the request is read and the client gets its answer.
 */
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class SizeLimitError extends Error {
  constructor(readonly limit: number) {
    super(`larger than ${limit} bytes`);
  }
}

/**
 * Writes `source` into `path` starting at `start` (flags 'r+' writes in place, 'w' creates).
 * Throws SizeLimitError past `maxEnd` (absolute end offset); returns the number of bytes written.
 */
export async function writeAt(source: Readable, path: string, opts: { flags: 'r+' | 'w'; start: number; maxEnd: number }): Promise<number> {
  let n = 0;
  const { start, maxEnd } = opts;
  async function* counted() {
    for await (const chunk of source.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
      n += chunk.length;
      if (start + n > maxEnd) throw new SizeLimitError(maxEnd);
      yield chunk;
    }
  }
  try {
    if (start > maxEnd) throw new SizeLimitError(maxEnd);
    await pipeline(Readable.from(counted(), { objectMode: false }), createWriteStream(path, { flags: opts.flags, start, highWaterMark: 1 << 20 }));
    return n;
  } catch (e) {
    drain(source);
    throw e;
  }
}

export function drain(source: Readable): void {
  if (!source.destroyed && !source.readableEnded) {
    source.on('error', () => undefined);
    source.resume();
  }
}
