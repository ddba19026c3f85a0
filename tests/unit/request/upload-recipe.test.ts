import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { parseRecipe } from '@/lib/recipe';
import { buildForm, initialValues, optionText, resolveValues, validateValues } from '@/lib/form';
import { buildRequestModel } from '@/lib/request/build';
import { toHttpRequest } from '@/lib/request/http';
import type { Connection } from '@/lib/request/types';

const api = getKalturaDescription();
const recipe = parseRecipe(readFileSync('recipes/upload-media.md', 'utf8'));
const conn: Connection = { serviceUrl: 'http://127.0.0.1:3000', partnerId: 1000042, ks: 'djJ8MTAwMDA0MnxLUw' };
const TOKEN = '0_0123456789abcdef0123456789abcdef';
const ENTRY = '0_abcd1234';
const results = {
  0: { ok: true, response: { objectType: 'KalturaUploadToken', id: TOKEN, status: 0 }, answers: {} },
  1: { ok: true, response: { objectType: 'KalturaUploadToken', id: TOKEN, status: 2 }, answers: {} },
  2: { ok: true, response: { objectType: 'KalturaMediaEntry', id: ENTRY, mediaType: 2, status: 7 }, answers: {} },
};

function build(i: number, edit: (v: Record<string, unknown>) => Record<string, unknown> = (v) => v, res = results) {
  const step = recipe.steps[i]!;
  const form = buildForm(step, api);
  const values = edit(initialValues(form, conn));
  return { form, values, ...buildRequestModel({ step, form, values, results: res, connection: conn, api }) };
}

describe('the request model of each step of the upload recipe', () => {
  it('parses the recipe into 4 steps', () => {
    expect(recipe.steps.map((s) => s.apiCall?.path)).toEqual([
      '/service/uploadtoken/action/add',
      '/service/uploadtoken/action/upload',
      '/service/media/action/add',
      '/service/media/action/addContent',
    ]);
  });

  it('step 1: uploadToken.add with no parameters', () => {
    const { model, blockedBy, errors } = build(0);
    expect(blockedBy).toEqual([]);
    expect(errors).toEqual([]);
    expect(model).toEqual({
      stepIndex: 0,
      service: 'uploadToken',
      action: 'add',
      method: 'POST',
      serviceUrl: 'http://127.0.0.1:3000',
      params: [],
      ks: conn.ks,
      partnerId: 1000042,
      format: 1,
    });
    expect(toHttpRequest(model!)).toEqual({
      method: 'POST',
      url: `http://127.0.0.1:3000/api_v3/service/uploadToken/action/add?format=1&ks=${conn.ks}`,
      secretQueryKeys: ['ks'],
      body: { kind: 'none' },
    });
  });

  it('step 2: uploadToken.upload with the token from step 1, the file, and the seed defaults', () => {
    const file = { kind: 'file', name: 'pixel.png', size: 68, mimeType: 'image/png' };
    const { model, blockedBy, form } = build(1, (v) => ({ ...v, fileData: file }));
    expect(blockedBy).toEqual([]);
    const resume = form.fields.find((f) => f.name === 'resume')!;
    expect(resume.kind).toBe('bool');
    expect(resume.options?.map(optionText)).toEqual(['false [false]', 'true [true]']);
    expect(model!.params).toEqual([
      {
        name: 'uploadTokenId',
        value: { kind: 'ref', fromStep: 0, source: 'value', path: 'id', resolved: { kind: 'string', value: TOKEN } },
      },
      { name: 'fileData', value: { kind: 'file', name: 'pixel.png', size: 68, mimeType: 'image/png' } },
      { name: 'resume', value: { kind: 'bool', value: false } },
      { name: 'finalChunk', value: { kind: 'bool', value: true } },
      { name: 'resumeAt', value: { kind: 'float', value: -1 } },
    ]);
    expect(toHttpRequest(model!).body).toEqual({
      kind: 'multipart',
      fields: [
        ['uploadTokenId', TOKEN],
        ['resume', '0'],
        ['finalChunk', '1'],
        ['resumeAt', '-1'],
      ],
      files: [{ field: 'fileData', name: 'pixel.png', size: 68, mimeType: 'image/png', path: undefined }],
    });
  });

  it('step 2 before step 1 ran: blocked, with an unresolved reference', () => {
    const { model, blockedBy, errors } = build(1, (v) => v, {} as typeof results);
    expect(blockedBy).toEqual([0]);
    expect(errors).toEqual([{ path: 'uploadTokenId', message: 'Run step 1 first', blockedBy: 0 }]);
    expect(model!.params[0]).toEqual({ name: 'uploadTokenId', value: { kind: 'ref', fromStep: 0, source: 'value', path: 'id' } });
    // No file chosen yet: the model holds the named placeholder path (samples print it; the call cannot be made).
    expect(model!.params.find((p) => p.name === 'fileData')).toEqual({
      name: 'fileData',
      value: { kind: 'file', name: 'video.mp4', size: 0, path: '/path/to/video.mp4', placeholder: true },
    });
    expect(toHttpRequest(model!).body).toMatchObject({
      kind: 'multipart',
      fields: [
        ['uploadTokenId', '{result of step 1: id}'],
        ['resume', '0'],
        ['finalChunk', '1'],
        ['resumeAt', '-1'],
      ],
      files: [{ field: 'fileData', name: 'video.mp4', size: 0, path: '/path/to/video.mp4' }],
    });
  });

  it('step 3: media.add with an IMAGE entry; mediaType reads VIDEO [1], IMAGE [2]...', () => {
    const { model, form } = build(2, () => ({
      body: { entry: { objectType: 'KalturaMediaEntry', mediaType: 2, name: 'Pixel', description: '' } },
    }));
    const entry = form.fields[0];
    expect(entry!.path).toBe('body.entry');
    const mediaType = entry!.fieldsByClass!.KalturaMediaEntry!.find((f) => f.name === 'mediaType')!;
    expect(mediaType.options!.slice(0, 3).map(optionText)).toEqual(['VIDEO [1]', 'IMAGE [2]', 'AUDIO [5]']);
    expect(model!.params).toEqual([
      {
        name: 'entry',
        value: {
          kind: 'object',
          className: 'KalturaMediaEntry',
          fields: [
            { name: 'mediaType', value: { kind: 'enum', enumType: 'KalturaMediaType', value: 2, constant: 'IMAGE' } },
            { name: 'name', value: { kind: 'string', value: 'Pixel' } },
          ],
        },
      },
    ]);
    expect(toHttpRequest(model!).body).toEqual({
      kind: 'form',
      fields: [
        ['entry[objectType]', 'KalturaMediaEntry'],
        ['entry[mediaType]', '2'],
        ['entry[name]', 'Pixel'],
      ],
    });
  });

  it('step 4: media.addContent in argument order, resource preset read-only, both ids from earlier steps', () => {
    const { model, form, blockedBy } = build(3);
    expect(blockedBy).toEqual([]);
    const resource = form.fields.find((f) => f.name === 'resource')!;
    expect(resource.presetClass).toBe('KalturaUploadedFileTokenResource');
    expect(model!.params).toEqual([
      { name: 'entryId', value: { kind: 'ref', fromStep: 2, source: 'value', path: 'id', resolved: { kind: 'string', value: ENTRY } } },
      {
        name: 'resource',
        value: {
          kind: 'object',
          className: 'KalturaUploadedFileTokenResource',
          fields: [
            { name: 'token', value: { kind: 'ref', fromStep: 0, source: 'value', path: 'id', resolved: { kind: 'string', value: TOKEN } } },
          ],
        },
      },
    ]);
    expect(toHttpRequest(model!)).toEqual({
      method: 'POST',
      url: `http://127.0.0.1:3000/api_v3/service/media/action/addContent?format=1&ks=${conn.ks}`,
      secretQueryKeys: ['ks'],
      body: {
        kind: 'form',
        fields: [
          ['entryId', ENTRY],
          ['resource[objectType]', 'KalturaUploadedFileTokenResource'],
          ['resource[token]', TOKEN],
        ],
      },
    });
  });

  it('a value typed over a dynamic one is sent as typed', () => {
    const { model, blockedBy } = build(3, (v) => ({ ...v, body: { ...(v.body as object), entryId: '0_typed' } }), {
      0: results[0],
    } as typeof results);
    expect(blockedBy).toEqual([]);
    expect(model!.params[0]).toEqual({ name: 'entryId', value: { kind: 'string', value: '0_typed' } });
  });

  it('step 2 without a file does not validate: the message is at the field', () => {
    const step = recipe.steps[1]!;
    const form = buildForm(step, api);
    const eff = resolveValues(form, initialValues(form, conn), results).values;
    expect(validateValues(form, eff)).toEqual([{ path: 'fileData', message: 'fileData is required: choose a file.' }]);
  });
});
