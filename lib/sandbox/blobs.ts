/**
 * The sandbox's bytes as local files, under the data folder (`uploads/`, `content/`, `assets/`):
 * the BlobStore of the embedded SQLite storage. Writes are positional (a chunk goes to its offset;
 * the file is never rewritten or held in memory); reads stream with ranges.
 */
import { createReadStream, existsSync, mkdirSync, openSync, closeSync, readdirSync, statSync } from 'node:fs';
import { copyFile, open, rename, stat, truncate, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import type { BlobStore } from './store';
import { writeAt } from './streams';

export class LocalBlobs implements BlobStore {
  constructor(readonly dataDir: string) {
    for (const d of ['uploads', 'content', 'assets']) mkdirSync(join(/*turbopackIgnore: true*/ dataDir, d), { recursive: true });
  }

  /** The file of a blob (names are `folder/name` with a safe name: see blobName in store.ts). */
  path(name: string): string {
    const i = name.indexOf('/');
    const folder = name.slice(0, i);
    const file = name
      .slice(i + 1)
      .replace(/[^0-9A-Za-z_.]/g, '')
      .replace(/^\.+/, '');
    return join(this.dataDir, folder, file);
  }

  async create(name: string): Promise<void> {
    closeSync(openSync(this.path(name), 'a'));
  }

  async size(name: string): Promise<number | undefined> {
    try {
      return (await stat(this.path(name))).size;
    } catch {
      return undefined;
    }
  }

  write(name: string, source: Readable, offset: number, maxEnd: number): Promise<number> {
    return writeAt(source, this.path(name), { flags: 'r+', start: offset, maxEnd });
  }

  async truncate(name: string, size: number): Promise<void> {
    await truncate(this.path(name), size);
  }

  async move(from: string, to: string): Promise<boolean> {
    try {
      await rename(this.path(from), this.path(to));
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw e;
    }
  }

  async copy(from: string, to: string): Promise<void> {
    await copyFile(this.path(from), this.path(to));
  }

  async remove(name: string): Promise<void> {
    try {
      await unlink(this.path(name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }

  read(name: string, start: number, end: number): Readable {
    return createReadStream(this.path(name), { start, end, highWaterMark: 1 << 20 });
  }

  async head(name: string, max: number): Promise<Buffer | undefined> {
    let fh: Awaited<ReturnType<typeof open>>;
    try {
      fh = await open(this.path(name), 'r');
    } catch {
      return undefined;
    }
    try {
      const b = Buffer.alloc(max);
      const { bytesRead } = await fh.read(b, 0, max, 0);
      return b.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  }

  async list(prefix: string): Promise<Array<{ name: string; size: number; mtimeMs: number }>> {
    const folder = prefix.replace(/\/.*$/, '');
    const dir = join(this.dataDir, folder);
    if (!existsSync(dir)) return [];
    const out: Array<{ name: string; size: number; mtimeMs: number }> = [];
    for (const f of readdirSync(dir)) {
      const name = `${folder}/${f}`;
      if (!name.startsWith(prefix)) continue;
      try {
        const s = statSync(join(dir, f));
        out.push({ name, size: s.size, mtimeMs: s.mtimeMs });
      } catch {
        /* gone meanwhile */
      }
    }
    return out;
  }

  async localFile(name: string): Promise<{ path: string; dispose(): Promise<void> } | undefined> {
    const path = this.path(name);
    return existsSync(path) ? { path, dispose: async () => undefined } : undefined;
  }

  /** The folder of a blob name (tests look at the files). */
  folder(name: string): string {
    return dirname(this.path(name));
  }
}
