import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { buildForm, formJsonSchema, initialValues, setPath, validateValues } from '@/lib/form';
import { param, step } from './helpers';

const api = getKalturaDescription();
const conn = { serviceUrl: 'http://h', ks: 'K' };

describe('validateValues (ajv against the merged form)', () => {
  const form = buildForm(
    step(0, {
      path: '/service/uploadtoken/action/upload',
      parameters: [param({ name: 'uploadTokenId' }), param({ name: 'fileData' }), param({ name: 'resumeAt' }), param({ name: 'resume' })],
    }),
    api,
  );

  it('required values, files included, are reported at their fields', () => {
    expect(validateValues(form, {})).toEqual([
      { path: 'uploadTokenId', message: 'uploadTokenId is required.' },
      { path: 'fileData', message: 'fileData is required: choose a file.' },
    ]);
  });

  it('an empty string counts as missing', () => {
    const errs = validateValues(form, { uploadTokenId: '', fileData: { kind: 'file', name: 'a', size: 1 } });
    expect(errs).toEqual([{ path: 'uploadTokenId', message: 'uploadTokenId is required.' }]);
  });

  it('wrong types get a sentence that says what to enter', () => {
    const errs = validateValues(form, {
      uploadTokenId: 't',
      fileData: { kind: 'file', name: 'a', size: 1 },
      resumeAt: 'abc',
      resume: 'yes',
    });
    expect(errs).toEqual([
      { path: 'resumeAt', message: 'resumeAt must be a number, e.g. 1.5.' },
      { path: 'resume', message: 'resume must be true or false.' },
    ]);
  });

  it('valid values pass', () => {
    expect(
      validateValues(form, { uploadTokenId: 't', fileData: { kind: 'file', name: 'a', size: 1 }, resumeAt: -1, resume: false }),
    ).toEqual([]);
  });

  it('nested enums, integers and classes are checked', () => {
    const f = buildForm(
      step(0, {
        path: '/service/media/action/list',
        parameters: [
          param({
            name: 'body',
            in: 'body',
            schema: {
              properties: {
                filter: { properties: { objectType: { consoleDefault: 'KalturaMediaEntryFilter' }, mediaTypeEqual: {} } },
                pager: { properties: { pageSize: {} } },
              },
            },
          }),
        ],
      }),
      api,
    );
    let v = initialValues(f, conn);
    v = setPath(v, 'body.filter.mediaTypeEqual', 3);
    v = setPath(v, 'body.pager.pageSize', 2.5);
    expect(validateValues(f, v)).toEqual([
      { path: 'body.filter.mediaTypeEqual', message: 'mediaTypeEqual must be one of the listed values.' },
      { path: 'body.pager.pageSize', message: 'pageSize must be a whole number, e.g. 10.' },
    ]);
    const schema = formJsonSchema(f, v) as { properties: { body: { properties: { filter: { properties: { objectType: unknown } } } } } };
    expect(schema.properties.body.properties.filter.properties.objectType).toEqual({ enum: ['KalturaMediaEntryFilter'] });
  });

  it('a required object property of the recipe schema is required', () => {
    const f = buildForm(
      step(0, {
        path: '/service/media/action/add',
        parameters: [
          param({
            name: 'body',
            in: 'body',
            schema: { properties: { entry: { required: ['mediaType'], properties: { mediaType: {}, name: {} } } } },
          }),
        ],
      }),
      api,
    );
    expect(validateValues(f, initialValues(f, conn))).toEqual([{ path: 'body.entry.mediaType', message: 'mediaType is required.' }]);
  });
});
