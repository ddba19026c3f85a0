/** A dropdown filled by a call (lib/runner/dynamic-enum.ts): what the page and the headless runner load. */
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { buildForm } from '@/lib/form/build';
import type { FormField, StepResults } from '@/lib/form/types';
import { loadFieldChoices } from '@/lib/runner/dynamic-enum';
import { param, step } from '../form/helpers';

const api = getKalturaDescription();
const connection = { serviceUrl: 'http://k.example', ks: 'KS' };
const tokens = [
  { objectType: 'KalturaUploadToken', id: '0_a', fileName: 'holiday.mp4', createdAt: 1_700_000_000 },
  { objectType: 'KalturaUploadToken', id: '0_b', fileName: 'holiday.mp4', createdAt: 1_700_000_100 },
];

function field(): FormField {
  const s = step(2, {
    path: '/service/uploadToken/action/get',
    parameters: [
      param({
        name: 'uploadTokenId',
        dynamicValue: { fromStep: 0, value: 'id' },
        dynamicEnum: {
          path: '/service/uploadToken/action/list',
          array: 'objects',
          value: 'id',
          label: 'fileName',
          parameters: [{ name: 'pager', value: { pageSize: 5 } }],
        },
      } as never),
    ],
  });
  return buildForm(s, api).fields.find((f) => f.name === 'uploadTokenId')!;
}

function answering(status: number, body: unknown, seen: string[] = []): typeof fetch {
  return (async (url: string, init?: RequestInit) => {
    seen.push(`${new URL(url).pathname} ${String(init?.body)}`);
    return new Response(JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
}

describe('loadFieldChoices', () => {
  it('calls the dropdown’s source on the connection and marks the item this walk made', async () => {
    const seen: string[] = [];
    const results: StepResults = { 0: { ok: true, response: tokens[1], answers: {} } };
    const r = await loadFieldChoices(field(), api, connection, 2, results, {
      fetchImpl: answering(200, { objects: tokens, totalCount: 2 }, seen),
    });
    expect(seen).toEqual(['/api_v3/service/uploadToken/action/list pager%5BobjectType%5D=KalturaFilterPager&pager%5BpageSize%5D=5']);
    expect(r.error).toBeUndefined();
    expect(r.options.map((o) => o.value)).toEqual(['0_a', '0_b']);
    expect(r.options[1]!.label).toMatch(/^holiday\.mp4 · created .* · made in step 1$/);
    expect(r.options[0]!.label).not.toMatch(/made in step/);
    // before step 1 ran, nothing is marked
    const before = await loadFieldChoices(field(), api, connection, 2, {}, { fetchImpl: answering(200, { objects: tokens }) });
    expect(before.options.some((o) => /made in step/.test(o.label))).toBe(false);
  });

  it('a failed call or an empty list says why there is no choice', async () => {
    const failed = await loadFieldChoices(
      field(),
      api,
      connection,
      2,
      {},
      { fetchImpl: answering(200, { objectType: 'KalturaAPIException', code: 'INVALID_KS', message: 'Invalid KS' }) },
    );
    expect(failed).toEqual({ options: [], error: 'Could not load the choices: INVALID_KS: Invalid KS' });
    expect(await loadFieldChoices(field(), api, connection, 2, {}, { fetchImpl: answering(200, { objects: [] }) })).toEqual({
      options: [],
      error: 'The call answered no choices.',
    });
    const { dynamicEnum: _dynamicEnum, ...plain } = field();
    expect((await loadFieldChoices(plain, api, connection, 2, {})).error).toMatch(/not a choice filled by a call/);
  });
});
