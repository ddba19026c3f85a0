/**
 * Saving a recipe from /author into `recipes/` (development mode only; the route enforces that).
 * The file name is validated as a bare `[a-z0-9-]+.md` name, so nothing can be written outside
 * the folder; an existing file is only replaced when the caller confirms (`overwrite: true`).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { RECIPE_EXTENSION, slugOfFileName, slugProblem } from '@/lib/recipe/slug';

/**
 * Whether /author may write into the recipes folder: under `npm run dev`, or when the person running
 * the console opts in with RECIPES_ALLOW_SAVE=1 (authoring with `npm start` on their own machine).
 * Never by default in production: a deployed console must not let visitors write files.
 */
export function savingAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === 'development' || env.RECIPES_ALLOW_SAVE === '1';
}

/** Largest recipe accepted (bytes of UTF-8). The seed recipe is about 9 KB. */
export const MAX_RECIPE_BYTES = 512 * 1024;

export type NameCheck = { ok: true; fileName: string; slug: string } | { ok: false; error: string };

/** Checks a recipe file name: `upload-media.md` (a `.md` suffix is added when missing). */
export function validateRecipeFileName(raw: unknown): NameCheck {
  if (typeof raw !== 'string' || !raw.trim()) return { ok: false, error: 'Give the file a name, e.g. "my-recipe.md".' };
  const name = raw.trim();
  if (/[\\/]/.test(name) || name.includes('..') || name.includes('\0')) {
    return {
      ok: false,
      error: `"${name}" is not a plain file name: use lower-case letters, digits and "-" only, e.g. "my-recipe.md" (it is saved in recipes/).`,
    };
  }
  const fileName = name.endsWith(RECIPE_EXTENSION) ? name : `${name}${RECIPE_EXTENSION}`;
  const slug = slugOfFileName(fileName);
  if (!slug) return { ok: false, error: slugProblem(fileName) ?? `"${name}" is not a valid recipe file name.` };
  return { ok: true, fileName, slug };
}

export type SaveResult =
  | { status: 200 | 201; slug: string; fileName: string; path: string }
  | { status: 400 | 413; error: string }
  /** The file exists: its current text, so the editor can show what replacing it changes. */
  | { status: 409; error: string; existing: string };

export interface SaveRequest {
  name: unknown;
  content: unknown;
  overwrite?: unknown;
}

/** Writes the recipe into `dir` (atomically: a temporary file then a rename). */
export function saveRecipe(dir: string, req: SaveRequest): SaveResult {
  const check = validateRecipeFileName(req.name);
  if (!check.ok) return { status: 400, error: check.error };
  if (typeof req.content !== 'string') return { status: 400, error: 'The request needs "content": the recipe\'s markdown text.' };
  const bytes = Buffer.byteLength(req.content, 'utf8');
  if (bytes > MAX_RECIPE_BYTES) {
    return {
      status: 413,
      error: `The recipe is ${Math.ceil(bytes / 1024)} KB; the limit is ${MAX_RECIPE_BYTES / 1024} KB. Split it into smaller recipes.`,
    };
  }
  const root = resolve(/*turbopackIgnore: true*/ dir);
  const target = resolve(/*turbopackIgnore: true*/ root, check.fileName);
  if (!target.startsWith(root + sep)) return { status: 400, error: 'The file name points outside recipes/.' };
  const exists = existsSync(target);
  if (exists && req.overwrite !== true) {
    let existing = '';
    try {
      existing = readFileSync(target, 'utf8');
    } catch {
      /* unreadable: the diff shows it as empty */
    }
    return { status: 409, error: `recipes/${check.fileName} already exists. Confirm to replace it, or choose another name.`, existing };
  }
  mkdirSync(root, { recursive: true });
  const tmp = join(/*turbopackIgnore: true*/ root, `.${check.fileName}.${process.pid}.${Date.now()}.tmp`);
  writeFileSync(tmp, req.content, 'utf8');
  renameSync(tmp, target);
  return { status: exists ? 200 : 201, slug: check.slug, fileName: check.fileName, path: `recipes/${check.fileName}` };
}
