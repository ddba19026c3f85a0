/**
 * Which API description the server and the command-line tools use, and loading it.
 *
 * - `RECIPES_API`: one or more file paths or URLs, comma-separated (read by the server,
 *   `recipes:lint`, `recipes:code`); the CLIs' `--api PATH_OR_URL` (repeatable) wins over it.
 *   Several descriptions are merged; the first one to define a name wins.
 * - Without any, the built-in description of the Kaltura services the sandbox covers.
 * - A URL is fetched once and kept in a cache folder (`RECIPES_API_CACHE`, default
 *   `.cache/api-descriptions/` in the project, git-ignored), so lint works offline afterwards.
 *   A description that cannot be loaded or parsed is an error naming it, never a silent fallback.
 *
 * Node only (file system); the descriptions themselves are framework-free (lib/description).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { readTextFile } from './read-text';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import {
  DescriptionLoadError,
  createDescription,
  getKalturaDescription,
  mergeDescriptions,
  parseDescriptionText,
  type ApiDescription,
} from '@/lib/description';

export { DescriptionLoadError };

/** One configured source and where it came from. */
export interface LoadedSource {
  source: string;
  /** Where the bytes were read: the file, or the cache file of a URL. */
  file: string;
  /** True when a URL was answered from the cache without a network request. */
  cached?: boolean;
  api: ApiDescription;
}

export interface LoadedApi {
  api: ApiDescription;
  /** Empty for the built-in description. */
  sources: LoadedSource[];
  /** `built-in` or the sources, for messages. */
  label: string;
}

/** `a.json, https://x/y.json` -> ['a.json', 'https://x/y.json']. */
export function parseApiSources(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export function apiCacheDir(): string {
  return resolve(/*turbopackIgnore: true*/ process.env.RECIPES_API_CACHE || join(process.cwd(), '.cache', 'api-descriptions'));
}

/** The cache file of a URL: a hash of the URL, so any URL is a safe file name. */
export function cacheFileOf(url: string, dir = apiCacheDir()): string {
  return join(dir, `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.json`);
}

/**
 * Loads one source: a file (relative to `base`, default the working folder) or a URL (from the
 * cache when there, else fetched and cached). Throws a DescriptionLoadError naming the source.
 */
export async function loadApiSource(
  source: string,
  opts: { base?: string; cacheDir?: string; fetchImpl?: typeof fetch; refresh?: boolean } = {},
): Promise<LoadedSource> {
  if (isUrl(source)) {
    const file = cacheFileOf(source, opts.cacheDir);
    if (!opts.refresh && existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      return { source, file, cached: true, api: createDescription(parseDescriptionText(text, `${source} (cached in ${file})`)) };
    }
    const fetchImpl = opts.fetchImpl ?? fetch;
    let response: Response;
    try {
      response = await fetchImpl(source, { headers: { accept: 'application/json' }, redirect: 'follow' });
    } catch (e) {
      throw new DescriptionLoadError(
        `Could not fetch the API description ${source} (${(e as Error)?.message ?? e}). Check the address and your connection; once fetched it is cached in ${dirname(file)} and works offline.`,
        source,
        'network',
      );
    }
    if (!response.ok) {
      throw new DescriptionLoadError(
        `Fetching the API description ${source} failed with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}. Check the address.`,
        source,
        'http',
      );
    }
    const text = await response.text();
    const doc = parseDescriptionText(text, source);
    mkdirSync(dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, text);
    renameSync(tmp, file);
    return { source, file, api: createDescription(doc) };
  }
  const file = isAbsolute(source) ? source : resolve(/*turbopackIgnore: true*/ opts.base ?? process.cwd(), source);
  const read = readTextFile(file);
  if (!read.ok) {
    throw new DescriptionLoadError(
      `Cannot read the API description ${source} (${read.why}): check the path (relative paths start at ${opts.base ?? process.cwd()}).`,
      source,
      'network',
    );
  }
  return { source, file, api: createDescription(parseDescriptionText(read.text, source)) };
}

/** Loads and merges every source; none means the built-in description. */
export async function loadApi(sources: string[], opts: Parameters<typeof loadApiSource>[1] = {}): Promise<LoadedApi> {
  if (sources.length === 0) return { api: getKalturaDescription(), sources: [], label: 'the built-in Kaltura description' };
  const loaded: LoadedSource[] = [];
  for (const s of sources) loaded.push(await loadApiSource(s, opts));
  return { api: mergeDescriptions(loaded.map((l) => l.api)), sources: loaded, label: sources.join(', ') };
}

/** What the server uses, loaded once per process and per RECIPES_API value. */
let serverApi: { key: string; promise: Promise<LoadedApi> } | undefined;

export interface ServerApi {
  api: ApiDescription;
  label: string;
  /** Set when RECIPES_API could not be loaded (the built-in description stands in, and pages say so). */
  error?: string;
}

export async function getServerApi(): Promise<ServerApi> {
  const key = process.env.RECIPES_API ?? '';
  if (!serverApi || serverApi.key !== key) {
    const promise = loadApi(parseApiSources(key));
    serverApi = { key, promise };
    promise.then(
      (l) => {
        if (l.sources.length) console.log(`[api] API description: ${l.label} (${l.api.operations().length} operations)`);
      },
      (e: unknown) => console.error(`[api] RECIPES_API could not be loaded: ${(e as Error)?.message ?? e}`),
    );
  }
  try {
    const l = await serverApi.promise;
    return { api: l.api, label: l.label };
  } catch (e) {
    return {
      api: getKalturaDescription(),
      label: 'the built-in Kaltura description',
      error: `${(e as Error)?.message ?? String(e)} Fix RECIPES_API (comma-separated file paths or URLs of OpenAPI/Swagger JSON documents) and restart the server.`,
    };
  }
}
