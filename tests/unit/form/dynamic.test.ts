import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import {
  buildForm,
  describeSource,
  getPath,
  initialValues,
  isBlockedError,
  resolveDynamic,
  resolveValues,
  runFirstMessage,
  setPath,
  toAnswers,
} from '@/lib/form';
import { buildRequestModel } from '@/lib/request/build';
import { param, step } from './helpers';

const api = getKalturaDescription();
const list = {
  objectType: 'KalturaMediaListResponse',
  totalCount: 2,
  objects: [
    { id: '0_first', name: 'First', tags: ['a', 'b'], meta: { deep: { deeper: [{ x: 'found' }] } } },
    { id: '0_second', name: 'Second', version: 3 },
  ],
};
const results = {
  0: { ok: true, response: list, answers: { body: { filter: { entryIdEqual: '0_first', nameLike: 'Fi' } }, pager: { pageSize: 5 } } },
  1: { ok: true, response: '0_bare_string' },
};

describe('resolveDynamic', () => {
  it('reads dotted paths with numeric array indexes in a response', () => {
    expect(resolveDynamic({ fromStep: 0, value: 'objects.1.id' }, results)).toEqual({ status: 'ok', value: '0_second' });
    expect(resolveDynamic({ fromStep: 0, value: 'objects.0.tags.1' }, results)).toEqual({ status: 'ok', value: 'b' });
    expect(resolveDynamic({ fromStep: 0, value: 'objects.0.meta.deep.deeper.0.x' }, results)).toEqual({ status: 'ok', value: 'found' });
    expect(resolveDynamic({ fromStep: 0, value: 'totalCount' }, results)).toEqual({ status: 'ok', value: 2 });
  });

  it('an empty path is the whole response (session.start answers a bare string)', () => {
    expect(resolveDynamic({ fromStep: 1, value: '' }, results)).toEqual({ status: 'ok', value: '0_bare_string' });
  });

  it('reads the answers submitted in a step; body. reaches into its JSON body', () => {
    expect(resolveDynamic({ fromStep: 0, answer: 'body.filter.entryIdEqual' }, results)).toEqual({ status: 'ok', value: '0_first' });
    expect(resolveDynamic({ fromStep: 0, answer: 'pager.pageSize' }, results)).toEqual({ status: 'ok', value: 5 });
  });

  it('a source that did not run (or failed) says which step to run first', () => {
    expect(resolveDynamic({ fromStep: 4, value: 'id' }, results)).toEqual({ status: 'blocked', fromStep: 4, message: 'Run step 5 first' });
    expect(resolveDynamic({ fromStep: 0, value: 'id' }, { 0: { ok: false, response: { code: 'X' } } })).toMatchObject({
      status: 'blocked',
      message: 'Run step 1 first',
    });
  });

  it('a path that leads nowhere is "missing", with a message naming it', () => {
    const r = resolveDynamic({ fromStep: 0, value: 'objects.7.id' }, results);
    expect(r.status).toBe('missing');
    expect(r.status !== 'ok' && r.message).toMatch(/step 1 has no objects\.7\.id/);
    expect(resolveDynamic({ fromStep: 0, value: 'objects.x.id' }, results).status).toBe('missing');
    expect(resolveDynamic({ fromStep: 0, answer: 'body.nope' }, results).status).toBe('missing');
  });

  it('describes the source as the page shows it (1-based)', () => {
    expect(describeSource({ fromStep: 0, value: 'id' })).toBe('from step 1: id');
    expect(describeSource({ fromStep: 2, answer: 'body.entry.name' })).toBe('from step 3 input: body.entry.name');
  });
});

describe('paths', () => {
  it('setPath copies and creates objects on the way; undefined deletes', () => {
    const a = { x: { y: 1 } };
    const b = setPath(a, 'x.z.w', 2);
    expect(b).toEqual({ x: { y: 1, z: { w: 2 } } });
    expect(a).toEqual({ x: { y: 1 } });
    expect(setPath(b, 'x.y', undefined)).toEqual({ x: { z: { w: 2 } } });
    expect(getPath({ a: [{ b: null }] }, 'a.0.b')).toBeNull();
    expect(getPath({ a: 'text' }, 'a.length')).toBeUndefined();
  });
});

describe('dynamic values in a form', () => {
  const s = step(2, {
    path: '/service/media/action/update',
    parameters: [
      param({ name: 'entryId', dynamicValue: { fromStep: 0, value: 'objects.1.id' } as never }),
      param({
        name: 'body',
        in: 'body',
        schema: {
          properties: { mediaEntry: { properties: { name: { dynamicValue: { fromStep: 0, answer: 'body.filter.nameLike' } as never } } } },
        },
      }),
    ],
  });
  const form = buildForm(s, api);
  const conn = { serviceUrl: 'http://h', ks: 'K' };

  it('resolves into the effective values, and blocks on a missing source', () => {
    const r = resolveValues(form, initialValues(form, conn), results);
    expect(r.blockedBy).toEqual([]);
    expect(getPath(r.values, 'entryId')).toBe('0_second');
    expect(getPath(r.values, 'body.mediaEntry.name')).toBe('Fi');
    expect(r.dynamic.entryId!.source).toBe('from step 1: objects.1.id');
    const none = resolveValues(form, initialValues(form, conn), {});
    expect(none.blockedBy).toEqual([0]);
    expect(none.errors).toEqual([
      { path: 'entryId', message: 'Run step 1 first', blockedBy: 0 },
      { path: 'body.mediaEntry.name', message: 'Run step 1 first', blockedBy: 0 },
    ]);
  });

  it('"run that step first" is a typed error; a path that leads nowhere is not one', () => {
    const blocked = resolveValues(form, initialValues(form, conn), {}).errors;
    expect(blocked.every(isBlockedError)).toBe(true);
    const missing = resolveValues(form, initialValues(form, conn), { 0: { ok: true, response: { objects: [] }, answers: {} } }).errors;
    expect(missing.find((e) => e.path === 'entryId')).toEqual({ path: 'entryId', message: expect.stringMatching(/has no objects\.1\.id/) });
    expect(missing.some(isBlockedError)).toBe(false);
    // the message is written once, for one step or several
    expect(runFirstMessage([0, 2])).toBe('Run step 1 and step 3 first');
    expect(runFirstMessage(4)).toBe(blocked[0]!.message.replace('1', '5'));
  });

  it('the request model holds refs with their resolved values (value and answer)', () => {
    const { model } = buildRequestModel({ step: s, form, values: initialValues(form, conn), results, connection: conn, api });
    expect(model!.params[0]).toEqual({
      name: 'entryId',
      value: { kind: 'ref', fromStep: 0, source: 'value', path: 'objects.1.id', resolved: { kind: 'string', value: '0_second' } },
    });
    expect(model!.params[1]!.value).toEqual({
      kind: 'object',
      className: 'KalturaMediaEntry',
      fields: [
        {
          name: 'name',
          value: { kind: 'ref', fromStep: 0, source: 'answer', path: 'body.filter.nameLike', resolved: { kind: 'string', value: 'Fi' } },
        },
      ],
    });
  });

  it('follows the source when it runs again', () => {
    const again = { ...results, 0: { ...results[0], response: { ...list, objects: [list.objects[0], { id: '0_new' }] } } };
    const r = resolveValues(form, initialValues(form, conn), again);
    expect(getPath(r.values, 'entryId')).toBe('0_new');
  });

  it('a typed value wins and unblocks', () => {
    const values = setPath(initialValues(form, conn), 'entryId', '0_typed');
    const r = resolveValues(form, values, {});
    expect(r.blockedBy).toEqual([0]); // the name still needs step 1
    expect(r.dynamic.entryId!.overridden).toBe(true);
    const both = setPath(values, 'body.mediaEntry.name', 'N');
    expect(resolveValues(form, both, {}).blockedBy).toEqual([]);
  });

  it('answers show files by name', () => {
    expect(toAnswers({ f: { kind: 'file', name: 'a.png', size: 3 }, x: [1, { y: 2 }] })).toEqual({ f: 'a.png', x: [1, { y: 2 }] });
  });
});
