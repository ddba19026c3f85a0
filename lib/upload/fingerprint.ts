/**
 * File fingerprints, so that after a page reload the same file can continue an upload token and a
 * different one is refused: name + size + lastModified + sha256 of the first and last 64 KiB.
 */
import type { FileLike, Fingerprint, FingerprintStore } from './types';

export const EDGE_BYTES = 64 * 1024;

function hex(buf: ArrayBuffer): string {
  const b = new Uint8Array(buf);
  let s = '';
  for (let i = 0; i < b.length; i++) s += b[i]!.toString(16).padStart(2, '0');
  return s;
}

export async function fingerprintFile(file: FileLike): Promise<Fingerprint> {
  const size = file.size;
  let edges: Uint8Array;
  if (size <= 2 * EDGE_BYTES) {
    edges = new Uint8Array(await file.slice(0, size).arrayBuffer());
  } else {
    const head = new Uint8Array(await file.slice(0, EDGE_BYTES).arrayBuffer());
    const tail = new Uint8Array(await file.slice(size - EDGE_BYTES, size).arrayBuffer());
    edges = new Uint8Array(head.length + tail.length);
    edges.set(head, 0);
    edges.set(tail, head.length);
  }
  const digest = await globalThis.crypto.subtle.digest('SHA-256', edges as Uint8Array<ArrayBuffer>);
  return { name: file.name ?? '', size, lastModified: file.lastModified ?? 0, edgesSha256: hex(digest) };
}

/** The ways two fingerprints differ (empty when they are the same file). */
export function fingerprintDifferences(expected: Fingerprint, actual: Fingerprint): Array<'name' | 'size' | 'lastModified' | 'content'> {
  const d: Array<'name' | 'size' | 'lastModified' | 'content'> = [];
  if (expected.name !== actual.name) d.push('name');
  if (expected.size !== actual.size) d.push('size');
  if (expected.lastModified !== actual.lastModified) d.push('lastModified');
  if (expected.edgesSha256 !== actual.edgesSha256) d.push('content');
  return d;
}

/** Fingerprints in memory (Node, tests). `toJSON`/`from` let a script keep them in a file. */
export class MemoryFingerprintStore implements FingerprintStore {
  private readonly map = new Map<string, Fingerprint>();
  constructor(initial?: Record<string, Fingerprint>) {
    if (initial) for (const [k, v] of Object.entries(initial)) this.map.set(k, v);
  }
  get(tokenId: string) {
    return this.map.get(tokenId);
  }
  set(tokenId: string, fp: Fingerprint) {
    this.map.set(tokenId, fp);
  }
  delete(tokenId: string) {
    this.map.delete(tokenId);
  }
  toJSON(): Record<string, Fingerprint> {
    return Object.fromEntries(this.map);
  }
}

export const STORAGE_PREFIX = 'recipe-console:upload:';

interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Fingerprints in localStorage (browser), one key per token. Storage failures are ignored (private mode, quota). */
export class LocalStorageFingerprintStore implements FingerprintStore {
  constructor(private readonly storage: StorageLike) {}
  get(tokenId: string): Fingerprint | undefined {
    try {
      const raw = this.storage.getItem(STORAGE_PREFIX + tokenId);
      if (!raw) return undefined;
      const v = JSON.parse(raw) as Partial<Fingerprint>;
      if (
        typeof v.name !== 'string' ||
        typeof v.size !== 'number' ||
        typeof v.lastModified !== 'number' ||
        typeof v.edgesSha256 !== 'string'
      )
        return undefined;
      return { name: v.name, size: v.size, lastModified: v.lastModified, edgesSha256: v.edgesSha256 };
    } catch {
      return undefined;
    }
  }
  set(tokenId: string, fp: Fingerprint): void {
    try {
      this.storage.setItem(STORAGE_PREFIX + tokenId, JSON.stringify(fp));
    } catch {
      /* storage full or disabled: resuming after a reload then relies on the token's file name */
    }
  }
  delete(tokenId: string): void {
    try {
      this.storage.removeItem(STORAGE_PREFIX + tokenId);
    } catch {
      /* ignore */
    }
  }
}

/** localStorage when the runtime has it, memory otherwise. */
export function defaultFingerprintStore(): FingerprintStore {
  try {
    const ls = (globalThis as { localStorage?: StorageLike }).localStorage;
    if (ls) return new LocalStorageFingerprintStore(ls);
  } catch {
    /* access denied */
  }
  return new MemoryFingerprintStore();
}
