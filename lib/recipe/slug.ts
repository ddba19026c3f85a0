/**
 * The one rule for recipe file names and slugs, used wherever a name is listed, served, watched,
 * saved or given on a command line: a recipe is `<slug>.md` in the recipes folder, and its page is
 * `/recipes/<slug>`. A slug is lower-case letters and digits, in words joined by single `-` or `_`
 * (`upload-media`, `step_2`), at most 100 characters: safe in a URL and a file system, and never a
 * path (`..`, `/`, `\`).
 */

export const RECIPE_EXTENSION = '.md';
export const MAX_SLUG_LENGTH = 100;
const SLUG = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/** Whether `slug` follows the rule. */
export function isValidSlug(slug: string): boolean {
  return slug.length <= MAX_SLUG_LENGTH && SLUG.test(slug);
}

/** The slug of a recipe file name (`upload-media.md` -> `upload-media`); undefined for other names. */
export function slugOfFileName(name: string): string | undefined {
  if (!name.endsWith(RECIPE_EXTENSION)) return undefined;
  const slug = name.slice(0, -RECIPE_EXTENSION.length);
  return isValidSlug(slug) ? slug : undefined;
}

/** What is wrong with a recipe file name, said so that the author knows what to type instead. */
export function slugProblem(name: string): string | undefined {
  const slug = name.endsWith(RECIPE_EXTENSION) ? name.slice(0, -RECIPE_EXTENSION.length) : name;
  if (slug.length > MAX_SLUG_LENGTH) return `The file name is too long: keep it under ${MAX_SLUG_LENGTH} characters.`;
  if (!SLUG.test(slug)) {
    return `"${name}" is not a valid recipe file name: use lower-case letters and digits, with single "-" or "_" between words, ending in ".md" (e.g. "my-recipe.md").`;
  }
  return undefined;
}
