/**
 * Reading a text file (a recipe, an API description) with the reason it could not be read said
 * the way a person says it: the one place the CLIs and the server turn a file-system error into
 * words.
 */
import { readFileSync, statSync } from 'node:fs';

export type TextFile = { ok: true; text: string } | { ok: false; why: string; folder: boolean };

/** The file's text, or why it cannot be read (`no such file`, `it is a folder`, `permission denied`, ...). */
export function readTextFile(path: string): TextFile {
  try {
    if (statSync(path).isDirectory()) return { ok: false, why: 'it is a folder, not a file', folder: true };
    return { ok: true, text: readFileSync(path, 'utf8') };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    const why =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : String((e as Error)?.message ?? e);
    return { ok: false, why, folder: false };
  }
}
