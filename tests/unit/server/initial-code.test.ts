/**
 * The code samples the server makes for the initial values (lib/server/initial-code.ts) are what
 * the browser would make once its sandbox session is up: same text for the same inputs, and the
 * key the browser computes without a generator matches exactly then, and only then. The Host a
 * request names is taken only when it is a plain host[:port].
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { descriptionFromSlice } from '@/lib/description/slice';
import { GENERATORS } from '@/lib/codegen';
import { buildForm, initialValues } from '@/lib/form';
import { buildRequestModel } from '@/lib/request/build';
import type { Connection, RequestModel } from '@/lib/request/types';
import { parseRecipe } from '@/lib/recipe';
import { runnerStep } from '@/lib/recipe/runner-model';
import { recipePageSlice } from '@/lib/server/slice';
import { initialCode, pageOrigin } from '@/lib/server/initial-code';
import { codeKey, pickTab } from '@/lib/samples/initial';
import { sampleTabs } from '@/lib/samples/tabs';
import { tokensText } from '@/lib/samples/tokens';

const full = getKalturaDescription();
const recipe = parseRecipe(readFileSync(join(import.meta.dirname, '../../../recipes/upload-media.md'), 'utf8'), { api: full });
const slice = recipePageSlice(recipe, full);
const api = descriptionFromSlice(slice);
const origin = 'http://127.0.0.1:4321';

/** What the browser builds for step `i` with `connection` and untouched values. */
function browserModel(i: number, connection: Connection): RequestModel | null {
  const step = runnerStep(recipe.steps[i]!);
  const form = buildForm(step, api);
  return buildRequestModel({ step, form, values: initialValues(form, connection), results: {}, connection, api, globals: {} }).model;
}

describe('initial code samples', () => {
  it('curl by default (a generated sample, also in step 1 whose first sample is hand-written), highlighted, and the key the browser computes once connected', async () => {
    const code = await initialCode({ recipe, slice, origin, partnerId: 1000042 });
    expect(code.lang).toBe('curl');
    const connected: Connection = { serviceUrl: origin, partnerId: 1000042, ks: 'djJ8MTAwMDA0MnxhIHJlYWwgc2Vzc2lvbg' };
    for (const i of [0, 1, 2, 3]) {
      const s = code.steps[i];
      expect(s!.lang).toBe('curl');
      expect(s!.tokens).not.toBeNull();
      expect(tokensText(s!.tokens!)).toBe(s!.text);
      const model = browserModel(i, connected);
      // Same inputs, same key: the browser keeps the server's sample without a generator...
      expect(codeKey({ lang: 'curl', requests: [model], connection: connected, setup: false, secrets: 'masked', api: 'builtin' })).toBe(
        s!.key,
      );
      // ...and the text is what the generator makes for the browser's model.
      expect(GENERATORS.curl.step(model!, { api, connection: connected, setup: false, secrets: 'masked' })).toBe(s!.text);
    }
    expect(code.steps[1]!.text).toContain('FILE_DATA=/path/to/video.mp4');
    expect(code.program?.lang).toBe('curl');
  });

  it('another partner, origin, value or language gives another key', async () => {
    const code = await initialCode({ recipe, slice, origin, partnerId: 1000042 });
    const s = code.steps[2]!;
    const key = (c: Connection, m = browserModel(2, c), lang = 'curl') =>
      codeKey({ lang, requests: [m], connection: c, setup: false, secrets: 'masked', api: 'builtin' });
    expect(key({ serviceUrl: origin, partnerId: 7, ks: 'x' })).not.toBe(s.key);
    expect(key({ serviceUrl: 'http://localhost:4321', partnerId: 1000042, ks: 'x' })).not.toBe(s.key);
    expect(key({ serviceUrl: origin, partnerId: 1000042, ks: 'x' }, undefined, 'python')).not.toBe(s.key);
    const edited = browserModel(2, { serviceUrl: origin, partnerId: 1000042, ks: 'x' })!;
    const withName = {
      ...edited,
      params: edited.params.map((p) =>
        p.value.kind === 'object'
          ? {
              ...p,
              value: { ...p.value, fields: [...p.value.fields, { name: 'name', value: { kind: 'string' as const, value: 'typed' } }] },
            }
          : p,
      ),
    };
    expect(key({ serviceUrl: origin, partnerId: 1000042, ks: 'x' }, withName)).not.toBe(s.key);
    // The masked KS itself does not matter (the sample shows a placeholder for any).
    expect(key({ serviceUrl: origin, partnerId: 1000042, ks: 'another-session' })).toBe(s.key);
  });

  it('renders the language of the cookie; a step that does not offer it falls back to the default', async () => {
    const code = await initialCode({ recipe, slice, origin, lang: 'python' });
    expect(code.steps[2]!.lang).toBe('python');
    expect(code.steps[2]!.text).toContain('client.media.add(entry)');
    expect(pickTab(sampleTabs(recipe.steps[0]!), 'html')?.id).toBe('curl');
    expect(pickTab(sampleTabs(recipe.steps[0]!), 'ajax')?.sample.auto).toBe(false);
  });
});

describe('pageOrigin: the Host header, only when plain', () => {
  it('takes host[:port] and IPv6, https only when the proxy says so', () => {
    expect(pageOrigin('127.0.0.1:3000', null)).toBe('http://127.0.0.1:3000');
    expect(pageOrigin('Console.Example.com', 'https, http')).toBe('https://console.example.com');
    expect(pageOrigin('[::1]:8080', 'ftp')).toBe('http://[::1]:8080');
  });

  it('refuses anything else (then the browser makes the samples itself)', () => {
    for (const h of ['evil.example/"><script>', 'a b', 'x:y:z', 'host:99999999', '', 'user@host', 'host/path', "h'x", undefined, null]) {
      expect(pageOrigin(h, null), String(h)).toBeUndefined();
    }
  });
});
