/**
 * Server-only access to the recipes on disk.
 *
 * - Shipped recipes: `recipes/*.md` (RECIPES_DIR overrides the folder). The slug is the file name
 *   without `.md` and must match [a-z0-9_-]+. They are listed on the index and served at
 *   `/recipes/<slug>` (generated at build time).
 * - Extra recipes (tests only): when the environment variable RECIPES_EXTRA_DIR names a folder, its
 *   `*.md` files are served at `/recipes/extra/<slug>`, rendered per request (never cached into the
 *   build) and never listed. Browser tests use it to serve tests/fixtures/recipes (e.g. a
 *   deliberately broken recipe) without shipping them. Unset, that route is a 404.
 *
 * Parsed recipes are cached per file by mtime and size (and the API description they were linted
 * against), so an edited file is parsed again on the next load.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ApiDescription } from '@/lib/description/types';
import { parseRecipe } from '@/lib/recipe';
import { isValidSlug, slugOfFileName, slugProblem } from '@/lib/recipe/slug';
import type { Recipe } from '@/lib/recipe/types';

export { isValidSlug } from '@/lib/recipe/slug';

/** The folder of shipped recipes (RECIPES_DIR overrides it, e.g. for a checkout elsewhere). */
export function recipesDir(): string {
  return resolve(/*turbopackIgnore: true*/ process.env.RECIPES_DIR || join(process.cwd(), 'recipes'));
}

/** The optional folder of extra recipes (tests only), read at request time. */
export function extraRecipesDir(): string | undefined {
  const dir = process.env.RECIPES_EXTRA_DIR;
  return dir ? resolve(/*turbopackIgnore: true*/ dir) : undefined;
}

export interface RecipeFile {
  slug: string;
  path: string;
  /** True when the file comes from RECIPES_EXTRA_DIR rather than `recipes/`. */
  extra: boolean;
}

export interface LoadedRecipe extends RecipeFile {
  source: string;
  recipe: Recipe;
  mtimeMs: number;
}

export interface RecipeSummary {
  slug: string;
  title: string;
  summary?: string | undefined;
  icon?: string | undefined;
  tags: string[];
  keywords: string[];
  sortOrder?: number | undefined;
  hidden: boolean;
  stepCount: number;
  errorCount: number;
  warningCount: number;
}

const warnedNames = new Set<string>();

function listDir(dir: string, extra: boolean): RecipeFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const files: RecipeFile[] = [];
  for (const n of names) {
    const slug = slugOfFileName(n);
    if (slug) files.push({ slug, path: join(dir, n), extra });
    else if (n.endsWith('.md') && n !== 'README.md' && !warnedNames.has(join(dir, n))) {
      // not served: say so once, so an author does not wonder where the recipe went
      warnedNames.add(join(dir, n));
      console.warn(`[recipes] ${join(dir, n)} is not served: ${slugProblem(n)}`);
    }
  }
  return files;
}

/** The shipped recipe files (`recipes/*.md`), sorted by slug. */
export function listShippedRecipeFiles(): RecipeFile[] {
  return listDir(recipesDir(), false).sort((a, b) => a.slug.localeCompare(b.slug));
}

/** The extra recipe files (RECIPES_EXTRA_DIR), sorted by slug; empty when it is unset. */
export function listExtraRecipeFiles(): RecipeFile[] {
  const dir = extraRecipesDir();
  return dir ? listDir(dir, true).sort((a, b) => a.slug.localeCompare(b.slug)) : [];
}

/** Parsed recipes by file path, per API description they were linted against (`NO_API`: none). */
const NO_API = {};
const caches = new WeakMap<object, Map<string, { mtimeMs: number; size: number; loaded: LoadedRecipe }>>();
function cacheFor(api: ApiDescription | undefined) {
  const key = api ?? NO_API;
  let m = caches.get(key);
  if (!m) caches.set(key, (m = new Map()));
  return m;
}

/**
 * Parses and lints a recipe: against `api` when given, except for a recipe whose METADATA names
 * its own OpenAPI document (`openapi`), which the server does not fetch (the page loads it).
 */
export function lintRecipeSource(source: string, api?: ApiDescription): Recipe {
  const recipe = parseRecipe(source, { api });
  return api && recipe.metadata.openapi ? parseRecipe(source) : recipe;
}

function loadFile(file: RecipeFile, api?: ApiDescription): LoadedRecipe | undefined {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(file.path);
  } catch {
    return undefined;
  }
  if (!st.isFile()) return undefined;
  const cache = cacheFor(api);
  const hit = cache.get(file.path);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.loaded;
  let source: string;
  try {
    source = readFileSync(file.path, 'utf8');
  } catch {
    return undefined; // deleted or unreadable between stat and read
  }
  const loaded: LoadedRecipe = { ...file, source, recipe: lintRecipeSource(source, api), mtimeMs: st.mtimeMs };
  cache.set(file.path, { mtimeMs: st.mtimeMs, size: st.size, loaded });
  return loaded;
}

/** Loads one shipped recipe by slug, or undefined when the slug is invalid or there is no such file. */
export function loadRecipe(slug: string, api?: ApiDescription): LoadedRecipe | undefined {
  if (!isValidSlug(slug)) return undefined;
  return loadFile({ slug, path: join(recipesDir(), `${slug}.md`), extra: false }, api);
}

/** Loads one extra recipe (RECIPES_EXTRA_DIR) by slug; undefined when unset, invalid or missing. */
export function loadExtraRecipe(slug: string, api?: ApiDescription): LoadedRecipe | undefined {
  const dir = extraRecipesDir();
  if (!dir || !isValidSlug(slug)) return undefined;
  return loadFile({ slug, path: join(dir, `${slug}.md`), extra: true }, api);
}

export function summarize(loaded: LoadedRecipe): RecipeSummary {
  const { recipe } = loaded;
  return {
    slug: loaded.slug,
    title: recipe.title || loaded.slug,
    summary: recipe.metadata.summary,
    icon: recipe.metadata.icon,
    tags: recipe.metadata.tags,
    keywords: recipe.metadata.keywords,
    sortOrder: recipe.metadata.sortOrder,
    hidden: recipe.metadata.hidden,
    stepCount: recipe.steps.length,
    errorCount: recipe.diagnostics.filter((d) => d.severity === 'error').length,
    warningCount: recipe.diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

/** Index order: `sortOrder` ascending (recipes without one last), then title. */
export function compareRecipes(a: RecipeSummary, b: RecipeSummary): number {
  const sa = a.sortOrder ?? Number.POSITIVE_INFINITY;
  const sb = b.sortOrder ?? Number.POSITIVE_INFINITY;
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.title.localeCompare(b.title, 'en', { sensitivity: 'base' }) || a.slug.localeCompare(b.slug);
}

/**
 * Every shipped recipe (hidden ones included), in index order; with `includeExtra`, also the
 * RECIPES_EXTRA_DIR ones (a shipped recipe wins over an extra one with the same slug).
 */
export function listRecipes(opts: { includeExtra?: boolean; api?: ApiDescription | undefined } = {}): RecipeSummary[] {
  const files = listShippedRecipeFiles();
  if (opts.includeExtra) {
    const slugs = new Set(files.map((f) => f.slug));
    files.push(...listExtraRecipeFiles().filter((f) => !slugs.has(f.slug)));
  }
  return files
    .map((f) => loadFile(f, opts.api))
    .filter((l): l is LoadedRecipe => !!l)
    .map(summarize)
    .sort(compareRecipes);
}

/**
 * A recipe's METADATA `relatedRecipes`, resolved to the shipped recipes they name (by slug, or by
 * exact title); names that match nothing are left out.
 */
export function resolveRelated(names: string[], self: string, api?: ApiDescription): Array<{ slug: string; title: string }> {
  if (names.length === 0) return [];
  const all = listRecipes({ api });
  const out: Array<{ slug: string; title: string }> = [];
  for (const name of names) {
    const n = name.trim();
    const hit = all.find((r) => r.slug === n) ?? all.find((r) => r.title.toLowerCase() === n.toLowerCase());
    if (hit && hit.slug !== self && !out.some((o) => o.slug === hit.slug)) out.push({ slug: hit.slug, title: hit.title });
  }
  return out;
}

/** The recipes the index lists: not hidden, in index order. */
export function listVisibleRecipes(api?: ApiDescription): RecipeSummary[] {
  return listRecipes({ api }).filter((r) => !r.hidden);
}
