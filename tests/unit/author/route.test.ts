import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POST } from '@/app/api/recipes/route';

const dir = mkdtempSync(join(tmpdir(), 'author-route-'));
const env = process.env as Record<string, string | undefined>;
const saved = { NODE_ENV: env.NODE_ENV, RECIPES_DIR: env.RECIPES_DIR };

function post(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return POST(
    new Request('http://127.0.0.1:3000/api/recipes', {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: '127.0.0.1:3000', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

beforeEach(() => {
  env.RECIPES_DIR = dir;
  env.NODE_ENV = 'development';
});
afterEach(() => {
  env.NODE_ENV = saved.NODE_ENV;
  env.RECIPES_DIR = saved.RECIPES_DIR;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('POST /api/recipes', () => {
  it('answers 403 outside development mode and writes nothing', async () => {
    env.NODE_ENV = 'production';
    const res = await post({ name: 'prod.md', content: '# P\n' });
    expect(res.status).toBe(403);
    expect((await res.json()).error).toMatch(/development mode.*Download/);
    expect(existsSync(join(dir, 'prod.md'))).toBe(false);
  });

  it('saves a new recipe (201), asks before replacing it (409), replaces it when confirmed (200)', async () => {
    const created = await post({ name: 'my-recipe.md', content: '# Mine\n' });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ slug: 'my-recipe', path: 'recipes/my-recipe.md', url: '/recipes/my-recipe' });
    expect(readFileSync(join(dir, 'my-recipe.md'), 'utf8')).toBe('# Mine\n');

    const clash = await post({ name: 'my-recipe.md', content: '# Other\n' });
    expect(clash.status).toBe(409);
    expect((await clash.json()).error).toMatch(/already exists/);
    expect(readFileSync(join(dir, 'my-recipe.md'), 'utf8')).toBe('# Mine\n');

    const replaced = await post({ name: 'my-recipe.md', content: '# Other\n', overwrite: true });
    expect(replaced.status).toBe(200);
    expect(readFileSync(join(dir, 'my-recipe.md'), 'utf8')).toBe('# Other\n');
  });

  it('rejects bad names, bodies and content types with a message', async () => {
    for (const name of ['../x.md', 'a/b.md', 'X.md', '']) {
      const r = await post({ name, content: '# X\n' });
      expect(r.status, name).toBe(400);
      expect((await r.json()).error).toBeTruthy();
    }
    expect((await post('{not json')).status).toBe(400);
    expect((await post('[1]')).status).toBe(400);
    expect((await post({ name: 'x.md', content: '# X' }, { 'content-type': 'text/plain' })).status).toBe(415);
    expect(readdirSync(dir).filter((f) => f !== 'my-recipe.md')).toEqual([]);
  });

  it('refuses requests from another site', async () => {
    const r = await post({ name: 'evil.md', content: '# E\n' }, { origin: 'https://evil.example' });
    expect(r.status).toBe(403);
    expect(existsSync(join(dir, 'evil.md'))).toBe(false);
    const ok = await post({ name: 'same-origin.md', content: '# S\n' }, { origin: 'http://127.0.0.1:3000' });
    expect(ok.status).toBe(201);
  });
});
