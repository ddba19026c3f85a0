/**
 * Server-only access to the recipes on disk: `recipes/*.md` (shipped), plus, when the environment
 * variable RECIPES_EXTRA_DIR names a folder, the `*.md` files in it (read at request time; used by
 * browser tests to serve fixture recipes such as a deliberately broken one without shipping them).
 * A recipe in `recipes/` wins over an extra one with the same slug.
 *
 * Parsed recipes are cached per file by mtime and size, so an edited file is parsed again.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseRecipe } from '@/lib/recipe';
import type { Recipe } from '@/lib/recipe/types';

/** Slugs are file names without `.md`: lower-case letters, digits, `-` and `_` only. */
export const SLUG_RE = /^[a-z0-9_-]+$/;

export function isValidSlug(slug: string): boolean {
  return SLUG_RE.test(slug) && slug.length <= 200;
}

/** The folder of shipped recipes (RECIPES_DIR overrides it, e.g. for a checkout elsewhere). */
export function recipesDir(): string {
  return resolve(process.env.RECIPES_DIR || join(process.cwd(), 'recipes'));
}

/** The optional folder of extra recipes (tests only), read at request time. */
export function extraRecipesDir(): string | undefined {
  const dir = process.env.RECIPES_EXTRA_DIR;
  return dir ? resolve(dir) : undefined;
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
  summary?: string;
  icon?: string;
  tags: string[];
  keywords: string[];
  sortOrder?: number;
  hidden: boolean;
  errorCount: number;
  warningCount: number;
}

function listDir(dir: string, extra: boolean): RecipeFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.md'))
    .map((n) => ({ slug: n.slice(0, -3), path: join(dir, n), extra }))
    .filter((f) => isValidSlug(f.slug));
}

/** The shipped recipe files (`recipes/*.md`), sorted by slug. */
export function listShippedRecipeFiles(): RecipeFile[] {
  return listDir(recipesDir(), false).sort((a, b) => a.slug.localeCompare(b.slug));
}

/** Shipped recipes plus extra ones (RECIPES_EXTRA_DIR), shipped first on a slug clash. */
export function listRecipeFiles(): RecipeFile[] {
  const seen = new Set<string>();
  const out: RecipeFile[] = [];
  const extraDir = extraRecipesDir();
  for (const f of [...listShippedRecipeFiles(), ...(extraDir ? listDir(extraDir, true) : [])]) {
    if (seen.has(f.slug)) continue;
    seen.add(f.slug);
    out.push(f);
  }
  return out;
}

const cache = new Map<string, { mtimeMs: number; size: number; loaded: LoadedRecipe }>();

function loadFile(file: RecipeFile): LoadedRecipe | undefined {
  let st;
  try {
    st = statSync(file.path);
  } catch {
    return undefined;
  }
  if (!st.isFile()) return undefined;
  const hit = cache.get(file.path);
  if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.loaded;
  const source = readFileSync(file.path, 'utf8');
  const loaded: LoadedRecipe = { ...file, source, recipe: parseRecipe(source), mtimeMs: st.mtimeMs };
  cache.set(file.path, { mtimeMs: st.mtimeMs, size: st.size, loaded });
  return loaded;
}

/** Loads one recipe by slug, or undefined when the slug is invalid or there is no such file. */
export function loadRecipe(slug: string): LoadedRecipe | undefined {
  if (!isValidSlug(slug)) return undefined;
  const shipped = loadFile({ slug, path: join(recipesDir(), `${slug}.md`), extra: false });
  if (shipped) return shipped;
  const extraDir = extraRecipesDir();
  return extraDir ? loadFile({ slug, path: join(extraDir, `${slug}.md`), extra: true }) : undefined;
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

/** Every shipped recipe (hidden ones included), in index order. */
export function listRecipes(opts: { includeExtra?: boolean } = {}): RecipeSummary[] {
  const files = opts.includeExtra ? listRecipeFiles() : listShippedRecipeFiles();
  return files
    .map(loadFile)
    .filter((l): l is LoadedRecipe => !!l)
    .map(summarize)
    .sort(compareRecipes);
}

/** The recipes the index lists: not hidden, in index order. */
export function listVisibleRecipes(): RecipeSummary[] {
  return listRecipes().filter((r) => !r.hidden);
}
