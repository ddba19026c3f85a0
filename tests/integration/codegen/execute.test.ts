/**
 * Generated code runs: against a started sandbox (real `next start`), the curl samples (set-up and
 * each step, and the whole recipe) run with /usr/bin/curl, and the node samples and the node
 * whole-recipe program run with the real `kaltura-client` package. Each ends with a READY entry
 * whose download equals the uploaded file.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATORS } from '@/lib/codegen';
import type { Connection, RequestModel } from '@/lib/request/types';
import { startServer, TEST_ADMIN_SECRET, TEST_PARTNER_ID, type TestServer } from '../../helpers/server';
import { buildModels, ctxOf, loadRecipe, recipeFiles, ROOT } from '../../unit/codegen/fixtures';

const run = promisify(execFile);
const recipe = loadRecipe('recipes/upload-media.md');

let server: TestServer;
let dir: string;
let conn: Connection;
let file: string;
let bytes: Buffer;

beforeAll(async () => {
  server = await startServer();
  dir = mkdtempSync(join(tmpdir(), 'codegen-exec-'));
  conn = { serviceUrl: server.url, partnerId: TEST_PARTNER_ID, secret: TEST_ADMIN_SECRET };
  bytes = randomBytes(300_000);
  // Spaces and a quote in the name. (Not a double quote: kaltura-client for node puts the file name
  // into the multipart header unescaped, which breaks the part.)
  file = join(dir, `clip one's (1).mp4`);
  writeFileSync(file, bytes);
}, 300_000);

afterAll(async () => {
  await server?.dispose();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Values typed into the form: a video entry with an awkward name. */
const edit = (values: Record<string, unknown>, i: number) =>
  i === 2
    ? {
        ...values,
        body: { entry: { objectType: 'KalturaMediaEntry', mediaType: 1, name: `Clip "1" \\ $HOME 日本`, description: 'line1\nline2' } },
      }
    : values;

async function api(service: string, action: string, params: Record<string, string>, ks?: string): Promise<unknown> {
  const body = new URLSearchParams({ ...params, ...(ks ? { ks } : {}) });
  const r = await fetch(`${server.url}/api_v3/service/${service}/action/${action}?format=1`, { method: 'POST', body });
  return r.json();
}

/** Polls media.get until READY, then downloads the content. */
async function expectReadyWithContent(entryId: string): Promise<Record<string, unknown>> {
  const ks = (await api('session', 'start', { secret: TEST_ADMIN_SECRET, type: '2', partnerId: String(TEST_PARTNER_ID) })) as string;
  let entry: Record<string, unknown> = {};
  for (let i = 0; i < 100; i++) {
    entry = (await api('media', 'get', { entryId }, ks)) as Record<string, unknown>;
    if (entry.status === 2) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(entry.status, JSON.stringify(entry)).toBe(2);
  expect(entry.name).toBe(`Clip "1" \\ $HOME 日本`);
  expect(entry.description).toBe('line1\nline2');
  const dl = await fetch(String(entry.downloadUrl));
  expect(dl.status).toBe(200);
  expect(Buffer.from(await dl.arrayBuffer()).equals(bytes)).toBe(true);
  return entry;
}

async function runScript(lang: 'curl' | 'node', code: string, name: string): Promise<string> {
  const path = join(dir, name);
  writeFileSync(path, code);
  const cmd = lang === 'curl' ? 'bash' : process.execPath;
  try {
    const { stdout } = await run(cmd, [path], {
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), PATH: `/usr/bin:${process.env.PATH}` },
      maxBuffer: 16 << 20,
      timeout: 60_000,
    });
    return stdout;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; code?: number };
    throw new Error(`${name} exited with ${err.code}:\n${err.stderr}\n${err.stdout}\n---\n${code}`);
  }
}

/** The JSON documents a program printed (curl prints one per line; node pretty-prints). */
function jsonDocuments(out: string): unknown[] {
  const docs: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inStr = false;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') {
      if (depth === 0) {
        const end = out.indexOf('\n', i);
        const line = out.slice(i, end < 0 ? undefined : end);
        try {
          docs.push(JSON.parse(line));
          i += line.length - 1;
          continue;
        } catch {
          /* not a top-level string */
        }
      }
      inStr = true;
    } else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) docs.push(JSON.parse(out.slice(start, i + 1)));
  }
  return docs;
}

for (const lang of ['curl', 'node'] as const) {
  describe(`${lang} samples run against the sandbox`, () => {
    it('the whole-recipe program uploads the file and makes a READY entry', async () => {
      const models = buildModels(recipe, { edit, conn, filePath: file }).filter((m): m is RequestModel => m !== null);
      const code = GENERATORS[lang].program(models, ctxOf({ connection: conn, secrets: 'shown', filePath: file }));
      const out = await runScript(lang, code, `whole.${GENERATORS[lang].fileExtension}`);
      const docs = jsonDocuments(out) as Array<Record<string, unknown>>;
      expect(docs).toHaveLength(4);
      expect(docs[0]!.objectType).toBe('KalturaUploadToken');
      expect(docs[3]!.objectType).toBe('KalturaMediaEntry');
      expect(docs[3]!.id).toBe(docs[2]!.id);
      await expectReadyWithContent(String(docs[3]!.id));
    });

    it('each step with setup code, run one after the other with the live results', async () => {
      const results: Record<number, unknown> = {};
      let last: Record<string, unknown> = {};
      for (let i = 0; i < recipe.steps.length; i++) {
        const model = buildModels(recipe, { edit, conn, filePath: file, results })[i]!;
        const code = GENERATORS[lang].step(model, ctxOf({ connection: conn, secrets: 'shown', setup: true, filePath: file }));
        const out = await runScript(lang, code, `step${i + 1}.${GENERATORS[lang].fileExtension}`);
        const docs = jsonDocuments(out) as Array<Record<string, unknown>>;
        last = docs[docs.length - 1]!;
        expect(last.objectType, out).not.toBe('KalturaAPIException');
        results[i] = { ok: true, response: last, answers: {} };
      }
      expect(last.objectType).toBe('KalturaMediaEntry');
      await expectReadyWithContent(String(last.id));
    });

    it('a failing call ends the whole program with a non-zero status', async () => {
      const bad = { ...conn, secret: 'wrong-secret' };
      const models = buildModels(recipe, { edit, conn: bad, filePath: file }).filter((m): m is RequestModel => m !== null);
      const code = GENERATORS[lang].program(models, ctxOf({ connection: bad, secrets: 'shown', filePath: file }));
      await expect(runScript(lang, code, `failing.${GENERATORS[lang].fileExtension}`)).rejects.toThrow(/exited with [1-9]/);
    });
  });
}

describe('the other recipes run as whole programs', () => {
  for (const recipeFile of recipeFiles().filter((f) => !f.endsWith('upload-media.md'))) {
    const r = loadRecipe(recipeFile);
    for (const lang of ['curl', 'node'] as const) {
      it(`${recipeFile} (${lang})`, async () => {
        const models = buildModels(r, { conn, filePath: file }).filter((m): m is RequestModel => m !== null);
        let code = GENERATORS[lang].program(models, ctxOf({ connection: conn, secrets: 'shown', filePath: file }));
        // A required input chosen from a live dropdown has no value until run: the program declares
        // it as a FILL IN variable, filled here as a reader would (a fresh upload token).
        if (code.includes('YOUR_UPLOAD_TOKEN_ID')) {
          const ks = (await api('session', 'start', {
            secret: TEST_ADMIN_SECRET,
            type: '2',
            partnerId: String(TEST_PARTNER_ID),
          })) as string;
          const token = (await api('uploadToken', 'add', {}, ks)) as { id: string };
          code = code.split('YOUR_UPLOAD_TOKEN_ID').join(token.id);
        }
        expect(code).not.toMatch(/YOUR_(?!ADMIN_SECRET|KS\b)[A-Z_]+/);
        const out = await runScript(lang, code, `${recipeFile.replace(/\W+/g, '-')}.${GENERATORS[lang].fileExtension}`);
        expect(out).not.toContain('KalturaAPIException');
        expect(jsonDocuments(out).length).toBeGreaterThan(0);
      });
    }
  }
});

describe('curl without setup uses the KS it is given', () => {
  it('uploadToken.add with a pasted KS succeeds', async () => {
    const ks = (await api('session', 'start', { secret: TEST_ADMIN_SECRET, type: '2', partnerId: String(TEST_PARTNER_ID) })) as string;
    const model = buildModels(recipe, { edit, conn: { ...conn, ks } })[0]!;
    const code = GENERATORS.curl.step(model, ctxOf({ connection: { ...conn, ks }, secrets: 'shown' }));
    expect(code).toContain(ks);
    const out = await runScript('curl', code, 'nosetup.sh');
    expect((JSON.parse(out) as { objectType: string }).objectType).toBe('KalturaUploadToken');
    // Masked, the KS is not in the sample.
    expect(GENERATORS.curl.step(model, ctxOf({ connection: { ...conn, ks }, secrets: 'masked' }))).not.toContain(ks);
  });
});
