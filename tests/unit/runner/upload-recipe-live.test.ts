/**
 * The upload recipe run the way the page runs it, from Node against a real `next start` with its
 * sandbox: parseRecipe -> buildForm -> initialValues (+ the user's choices) -> buildRequestModel
 * -> executeRequest (fetch of toHttpRequest), each step's outcome feeding the next; then media.get
 * is READY and the download equals the file.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { parseRecipe } from '@/lib/recipe';
import { buildForm, initialValues, resolveValues, setPath, toAnswers, validateValues } from '@/lib/form';
import type { StepResults } from '@/lib/form';
import { buildRequestModel } from '@/lib/request/build';
import { executeRequest } from '@/lib/request/execute';
import type { Connection } from '@/lib/request/types';
import { startServer, type TestServer } from '../../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.dispose();
});

describe('the upload recipe, live against the sandbox', () => {
  it('runs all four steps and the entry is READY with the same bytes', async () => {
    const api = getKalturaDescription();
    const recipe = parseRecipe(readFileSync('recipes/upload-media.md', 'utf8'));
    const session = (await (await fetch(`${server.url}/api_v3/sandbox/session`)).json()) as { ks: string; partnerId: number };
    const connection: Connection = { serviceUrl: server.url, partnerId: session.partnerId, ks: session.ks };
    const bytes = new Uint8Array(5000).map((_, i) => (i * 31) % 251);
    const edits: Record<number, Array<[string, unknown]>> = {
      1: [['fileData', { kind: 'file', name: 'bytes.png', size: bytes.length, mimeType: 'image/png' }]],
      2: [
        ['body.entry.mediaType', 2],
        ['body.entry.name', 'Live test'],
      ],
    };
    const results: StepResults = {};
    for (const step of recipe.steps) {
      const form = buildForm(step, api);
      let values = initialValues(form, connection);
      for (const [path, v] of edits[step.index] ?? []) values = setPath(values, path, v);
      const { model, blockedBy } = buildRequestModel({ step, form, values, results, connection, api });
      expect(blockedBy, `step ${step.index + 1} blocked`).toEqual([]);
      const effective = resolveValues(form, values, results).values;
      expect(validateValues(form, effective), `step ${step.index + 1} invalid`).toEqual([]);
      const r = await executeRequest(model!, { files: { fileData: new Blob([bytes], { type: 'image/png' }) } });
      expect(r.error, `step ${step.index + 1}: ${r.raw}`).toBeUndefined();
      results[step.index] = { ok: r.ok, response: r.json, answers: toAnswers(effective) };
    }
    const entryId = (results[2]!.response as { id: string }).id;
    const get = await executeRequest({
      stepIndex: 4,
      service: 'media',
      action: 'get',
      method: 'POST',
      serviceUrl: server.url,
      params: [{ name: 'entryId', value: { kind: 'string', value: entryId } }],
      ks: session.ks,
      format: 1,
    });
    const entry = get.json as { status: number; downloadUrl: string };
    expect(entry.status).toBe(2);
    const download = new Uint8Array(await (await fetch(entry.downloadUrl)).arrayBuffer());
    expect(Buffer.compare(Buffer.from(download), Buffer.from(bytes))).toBe(0);
  });
});
