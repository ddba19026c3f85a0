/** How the CLIs name a file in their output. */
import { isAbsolute, relative, resolve } from 'node:path';

/**
 * A path relative to the working folder when the file is inside it (`recipes/x.md`), else the
 * absolute path (never `../other/x.md`, which says less and reads as a different place).
 */
export function shownPath(path: string, cwd = process.cwd()): string {
  const abs = resolve(cwd, path);
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : abs;
}
