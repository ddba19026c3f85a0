import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { buildForm } from '@/lib/form';
import { createRunnerStore } from '@/lib/runner';
import type { ExecuteResult } from '@/lib/request/execute';
import { param, step } from '../form/helpers';

const api = getKalturaDescription();
const okResult = (json: unknown): ExecuteResult => ({
  ok: true,
  status: 200,
  timeMs: 1,
  raw: JSON.stringify(json),
  json,
  request: { method: 'POST', url: 'u', secretQueryKeys: [], body: { kind: 'none' } },
});
const failResult: ExecuteResult = {
  ok: false,
  status: 200,
  timeMs: 1,
  raw: '{}',
  json: {},
  error: { kind: 'kaltura', code: 'X', message: 'm', args: {} },
  request: okResult(1).request,
};

function memory() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('runner store', () => {
  it('a step is done only when it succeeded; results hold only successes', () => {
    const s = createRunnerStore();
    s.startRun(0);
    expect(s.getState().steps[0]!.status).toBe('running');
    s.finishRun(0, okResult({ id: 'a' }), {});
    expect(s.results()[0]).toEqual({ ok: true, response: { id: 'a' }, answers: {} });
    s.finishRun(0, failResult, {});
    expect(s.getState().steps[0]).toMatchObject({ status: 'failed', runs: 2 });
    expect(s.results()[0]).toBeUndefined();
  });

  it('a value typed over a dynamic one is dropped when its source succeeds again', () => {
    const s = createRunnerStore();
    const form = buildForm(
      step(1, {
        path: '/service/media/action/get',
        parameters: [param({ name: 'entryId', dynamicValue: { fromStep: 0, value: 'id' } as never }), param({ name: 'version' })],
      }),
      api,
    );
    s.registerForm(form);
    s.setValue(1, 'entryId', 'typed');
    s.setValue(1, 'version', 3);
    s.finishRun(0, okResult({ id: 'new' }), {});
    expect(s.getValues(1)).toEqual({ version: 3 });
  });

  it('global values are shared by the steps with a parameter of that name', () => {
    const s = createRunnerStore();
    const f0 = buildForm(step(0, { path: '/service/media/action/get', parameters: [param({ name: 'entryId', global: true })] }), api);
    const f1 = buildForm(step(1, { path: '/service/media/action/delete', parameters: [param({ name: 'entryId', global: true })] }), api);
    s.registerForm(f0);
    s.registerForm(f1);
    s.setValues(1, {});
    s.setValue(0, 'entryId', '0_g', f0.fields[0]);
    expect(s.getState().globals).toEqual({ entryId: '0_g' });
    expect(s.getValues(1)).toEqual({ entryId: '0_g' });
  });

  it('keeps values and outcomes in storage (not files), and a reload reads them back', () => {
    const storage = memory();
    const s = createRunnerStore({ key: 'r', storage });
    s.setValue(0, 'a', 1);
    s.setValue(0, 'file', { kind: 'file', name: 'x', size: 1 });
    s.finishRun(0, okResult({ id: 'a' }), { a: 1 });
    const again = createRunnerStore({ key: 'r', storage, deferLoad: true });
    expect(again.getState().steps).toEqual({});
    again.hydrate();
    expect(again.getValues(0)).toEqual({ a: 1 });
    expect(again.results()[0]).toEqual({ ok: true, response: { id: 'a' }, answers: { a: 1 } });
  });

  it('files stay in memory by field', () => {
    const s = createRunnerStore();
    const b = new Blob(['x']);
    s.setFile(1, 'fileData', b);
    expect(s.files(1)).toEqual({ fileData: b });
    s.setFile(1, 'fileData', undefined);
    expect(s.files(1)).toEqual({});
  });
});

describe('runner store and secrets', () => {
  it('never writes a secret typed into a form to storage', () => {
    const storage = memory();
    const s = createRunnerStore({ key: 's', storage });
    const form = buildForm(
      step(0, { path: '/service/session/action/start', parameters: [param({ name: 'secret' }), param({ name: 'userId' })] }),
      api,
    );
    s.registerForm(form);
    s.setValue(0, 'secret', 'TOP-SECRET');
    s.setValue(0, 'userId', 'alice');
    const withBody = {
      ...okResult('KS'),
      request: {
        method: 'POST' as const,
        url: 'u',
        secretQueryKeys: [],
        body: { kind: 'form' as const, fields: [['secret', 'TOP-SECRET']] as Array<[string, string]> },
      },
    };
    s.finishRun(0, withBody, { secret: 'TOP-SECRET', userId: 'alice' });
    const stored = [...storage.data.values()].join();
    expect(stored).not.toContain('TOP-SECRET');
    expect(stored).toContain('alice');
    // in memory the value is still there for the page
    expect(s.getValues(0)).toEqual({ secret: 'TOP-SECRET', userId: 'alice' });
  });
});
