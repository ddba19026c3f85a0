/**
 * Choosing and loading the API description (lib/server/api.ts): files, URLs cached on disk (so a
 * second run works offline), several sources merged, and errors that name the source.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildKalturaOpenApi } from '@/lib/description';
import { cacheFileOf, getServerApi, loadApi, loadApiSource, parseApiSources } from '@/lib/server/api';

const dir = mkdtempSync(join(tmpdir(), 'api-sources-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const petstore = {
  openapi: '3.0.3',
  info: { title: 'Pets', version: '1' },
  paths: { '/pets': { post: { operationId: 'pets.add', responses: { '200': { description: 'ok' } } } } },
  components: { schemas: { Pet: { type: 'object', properties: { name: { type: 'string' } } } } },
};
/** The same operation path as the built-in description's media.add, with another parameter. */
const override = {
  swagger: '2.0',
  info: { title: 'Override', version: '1' },
  paths: {
    '/service/media/action/add': {
      post: {
        operationId: 'media.add',
        parameters: [{ in: 'body', name: 'body', schema: { type: 'object', properties: { special: { type: 'string' } } } }],
        responses: { '200': { description: 'ok' } },
      },
    },
  },
};
const write = (name: string, data: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
};

/** A fetch that serves `body` and counts calls (no network). */
function fakeFetch(body: string, status = 200) {
  const calls: string[] = [];
  const impl = (async (url: string) => {
    calls.push(String(url));
    return new Response(body, { status });
  }) as unknown as typeof fetch;
  return { impl, calls };
}

describe('parseApiSources', () => {
  it('splits a comma-separated setting and drops blanks', () => {
    expect(parseApiSources(' a.json, https://x.example/o.json ,,')).toEqual(['a.json', 'https://x.example/o.json']);
    expect(parseApiSources(undefined)).toEqual([]);
  });
});

describe('loadApiSource', () => {
  it('reads a file, relative to a base folder', async () => {
    write('pets.json', petstore);
    const l = await loadApiSource('pets.json', { base: dir });
    expect(l.api.operation('/pets')?.service).toBe('pets');
  });

  it('names the source and the reason when it cannot be used', async () => {
    await expect(loadApiSource(join(dir, 'missing.json'))).rejects.toThrow(
      /Cannot read the API description .*missing\.json \(no such file\)/,
    );
    write('html.json', '<html></html>');
    await expect(loadApiSource(join(dir, 'html.json'))).rejects.toThrow(/html\.json is not valid JSON \(it looks like HTML/);
    write('other.json', { hello: 1 });
    await expect(loadApiSource(join(dir, 'other.json'))).rejects.toThrow(/other\.json is JSON but not an OpenAPI description/);
    await expect(loadApiSource(dir)).rejects.toThrow(/it is a folder/);
  });

  it('fetches a URL once, caches it, and then works offline', async () => {
    const cacheDir = join(dir, 'cache');
    const url = 'https://descriptions.example/pets.json';
    const f = fakeFetch(JSON.stringify(petstore));
    const first = await loadApiSource(url, { cacheDir, fetchImpl: f.impl });
    expect(first.cached).toBeUndefined();
    expect(f.calls).toEqual([url]);
    expect(existsSync(cacheFileOf(url, cacheDir))).toBe(true);
    const offline = (async () => {
      throw new Error('getaddrinfo ENOTFOUND');
    }) as unknown as typeof fetch;
    const second = await loadApiSource(url, { cacheDir, fetchImpl: offline });
    expect(second.cached).toBe(true);
    expect(second.api.operation('/pets')).toBeDefined();
  });

  it('an unreachable or failing URL that is not cached is an error naming it', async () => {
    const cacheDir = join(dir, 'cache2');
    const offline = (async () => {
      throw new Error('getaddrinfo ENOTFOUND');
    }) as unknown as typeof fetch;
    await expect(loadApiSource('https://nowhere.example/x.json', { cacheDir, fetchImpl: offline })).rejects.toThrow(
      /Could not fetch the API description https:\/\/nowhere\.example\/x\.json \(getaddrinfo ENOTFOUND\)/,
    );
    await expect(loadApiSource('https://nowhere.example/y.json', { cacheDir, fetchImpl: fakeFetch('nope', 404).impl })).rejects.toThrow(
      /failed with HTTP 404/,
    );
    // Nothing broken was cached.
    expect(existsSync(cacheFileOf('https://nowhere.example/y.json', cacheDir))).toBe(false);
  });
});

describe('loadApi', () => {
  it('uses the built-in description when no source is given', async () => {
    const l = await loadApi([]);
    expect(l.sources).toEqual([]);
    expect(l.api.operation('/service/uploadtoken/action/add')).toBeDefined();
  });

  it('merges several sources; the first definition of a name wins', async () => {
    const kaltura = write('kaltura.json', buildKalturaOpenApi());
    const first = write('override.json', override);
    const l = await loadApi([first, kaltura]);
    expect(l.api.operation('/service/media/action/add')!.params.map((p) => p.name)).toEqual(['special']);
    expect(l.api.operation('/service/uploadtoken/action/add')).toBeDefined();
    expect(l.api.getClass('KalturaMediaEntry')).toBeDefined();
    const reversed = await loadApi([kaltura, first]);
    expect(reversed.api.operation('/service/media/action/add')!.params.map((p) => p.name)).toEqual(['entry']);
  });
});

describe('getServerApi (RECIPES_API)', () => {
  const saved = process.env.RECIPES_API;
  afterEach(() => {
    if (saved === undefined) delete process.env.RECIPES_API;
    else process.env.RECIPES_API = saved;
  });

  it('reads RECIPES_API, and says what went wrong instead of falling back silently', async () => {
    process.env.RECIPES_API = write('server-pets.json', petstore);
    const ok = await getServerApi();
    expect(ok.error).toBeUndefined();
    expect(ok.api.operation('/pets')).toBeDefined();
    process.env.RECIPES_API = join(dir, 'nope.json');
    const bad = await getServerApi();
    expect(bad.error).toMatch(/nope\.json \(no such file\).*Fix RECIPES_API/);
    expect(readFileSync(join(dir, 'server-pets.json'), 'utf8')).toContain('Pets');
  });
});
