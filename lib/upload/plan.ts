/**
 * Chunk planning: whether a file is sent in chunks, automatic chunk size and parallelism, and the
 * byte ranges a chunked upload sends (a disjoint cover of the file, trimmed by what the server
 * already holds).
 */
import type { UploadMode } from './types';

export const KiB = 1024;
export const MiB = 1024 * KiB;

/** Above this size (or the chosen chunk size, when the user set one) the upload is chunked by default. */
export const DEFAULT_CHUNK_SIZE = 8 * MiB;
export const DEFAULT_PARALLEL = 4;
export const MIN_CHUNK_SIZE = 64 * KiB;
export const MAX_CHUNK_SIZE = 128 * MiB;
export const MAX_PARALLEL = 8;
/** Large files get chunks of up to this size (fewer, larger requests: see docs/benchmarks/upload.md). */
export const LARGE_CHUNK_SIZE = 32 * MiB;
/** Very large files grow their chunks so that the upload has about this many at most. */
export const TARGET_MAX_CHUNKS = 1024;

/** How a file is sent: one request, in chunks, or one request with the form's own chunk values. */
export type SendMode = 'single' | 'chunked' | 'manual';

/**
 * Which way a file is sent: `manual` when the form makes its own chunk (isHandMadeChunk); else as
 * the user chose, `auto` sending in chunks a file larger than the chunk size; an empty file in one.
 */
export function sendMode(handMade: boolean, size: number, mode: UploadMode, chunkSizeOverride?: number): SendMode {
  if (handMade) return 'manual';
  if (size === 0) return 'single';
  if (mode === 'chunked') return 'chunked';
  if (mode === 'single') return 'single';
  return chunkedByDefault(size, chunkSizeOverride) ? 'chunked' : 'single';
}

export interface Settings {
  chunkSize: number;
  parallel: number;
}

function nextPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/**
 * Automatic settings for a file size, with optional overrides (from the "Advanced" part of the step).
 * - up to 8 MiB x 16: chunks of size/16 rounded up to a power of two, at least 1 MiB, so even a
 *   mid-size file gets some parallelism and a smooth progress bar;
 * - then about 32 chunks, a power of two from 8 MiB to 32 MiB (1 GiB: 32 MiB; each request costs
 *   the browser more than its bytes: 32 MiB chunks were ~19% faster than 8 MiB from Chromium),
 *   growing past 32 GiB so that there are at most ~1024 chunks;
 * - 4 streams (fewer when there are fewer chunks after the first).
 */
export function autoSettings(
  fileSize: number,
  overrides: { chunkSize?: number | undefined; parallel?: number | undefined } = {},
): Settings {
  let chunkSize: number;
  if (overrides.chunkSize !== undefined) {
    chunkSize = Math.floor(overrides.chunkSize);
  } else if (fileSize <= DEFAULT_CHUNK_SIZE * 16) {
    chunkSize = Math.min(DEFAULT_CHUNK_SIZE, Math.max(MiB, nextPow2(Math.ceil(fileSize / 16))));
  } else {
    chunkSize = Math.min(LARGE_CHUNK_SIZE, Math.max(DEFAULT_CHUNK_SIZE, nextPow2(Math.ceil(fileSize / 32))));
    chunkSize = Math.max(chunkSize, Math.ceil(fileSize / TARGET_MAX_CHUNKS / MiB) * MiB);
    chunkSize = Math.min(chunkSize, MAX_CHUNK_SIZE);
  }
  if (!Number.isFinite(chunkSize) || chunkSize < 1)
    throw new RangeError(`Chunk size must be a positive number of bytes (got ${overrides.chunkSize}).`);
  let parallel: number;
  if (overrides.parallel !== undefined) {
    parallel = Math.floor(overrides.parallel);
    if (!Number.isFinite(parallel) || parallel < 1 || parallel > 32)
      throw new RangeError(`Parallel streams must be between 1 and 32 (got ${overrides.parallel}).`);
  } else {
    const chunks = Math.max(1, Math.ceil(fileSize / chunkSize));
    parallel = Math.max(1, Math.min(DEFAULT_PARALLEL, chunks - 1));
  }
  return { chunkSize, parallel };
}

/** Whether a file of this size is sent in chunks when the user did not choose. */
export function chunkedByDefault(fileSize: number, chunkSizeOverride?: number): boolean {
  return fileSize > (chunkSizeOverride ?? DEFAULT_CHUNK_SIZE);
}

export type RangeState = 'pending' | 'inflight' | 'done';

export interface ChunkRange {
  offset: number;
  size: number;
  state: RangeState;
  /** Sends of this range so far (in this session). */
  attempts: number;
  /** True when the range was never sent because the server already held it. */
  skipped?: boolean;
}

/** Splits [0, total) into chunks of `chunkSize` (the last one shorter). A 0-byte file has no ranges. */
export function planChunks(total: number, chunkSize: number): ChunkRange[] {
  const ranges: ChunkRange[] = [];
  for (let offset = 0; offset < total; offset += chunkSize) {
    ranges.push({ offset, size: Math.min(chunkSize, total - offset), state: 'pending', attempts: 0 });
  }
  return ranges;
}

/**
 * Marks what the server holds (contiguous bytes [0, held)) as done, in place: pending ranges wholly
 * below `held` become done and `skipped` (never sent in this session), and a pending range that
 * straddles `held` is split so that only [held, end) is still to send (the same object keeps the
 * part still to send). Ranges in flight or done are left alone.
 */
export function markHeld(ranges: ChunkRange[], held: number): void {
  for (let i = 0; i < ranges.length; i++) {
    const r = ranges[i]!;
    if (r.state !== 'pending' || held <= r.offset) continue;
    const end = r.offset + r.size;
    if (held >= end) {
      r.state = 'done';
      r.skipped = true;
    } else {
      ranges.splice(i, 0, { offset: r.offset, size: held - r.offset, state: 'done', attempts: 0, skipped: true });
      r.offset = held;
      r.size = end - held;
      i++;
    }
  }
}

/** `markHeld` on a copy. */
export function applyHeld(ranges: ChunkRange[], held: number): ChunkRange[] {
  const copy = ranges.map((r) => ({ ...r }));
  markHeld(copy, held);
  return copy;
}

/** Bytes covered by done ranges. */
export function doneBytes(ranges: ChunkRange[]): number {
  let n = 0;
  for (const r of ranges) if (r.state === 'done') n += r.size;
  return n;
}
