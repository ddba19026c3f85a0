/**
 * buildForm: every key of recipe-format.md's parameter table, merged with the operation of the
 * Kaltura description (recipe keys win; narrowed schemas completed from the description).
 */
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { buildForm, currentClass, formJsonSchema, initialValues, objectFields, optionText, walkFields } from '@/lib/form';
import type { FormField } from '@/lib/form';
import { node, param, step } from './helpers';

const api = getKalturaDescription();
const conn = { serviceUrl: 'http://h', partnerId: 555, secret: 's3cr3t', userId: 'alice', ks: 'KS1' };

function field(fields: FormField[], path: string): FormField {
  let found: FormField | undefined;
  walkFields(fields, (f) => {
    if (f.path === path) found ??= f;
  });
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

describe('buildForm: merge with the operation', () => {
  it('types and argument order come from the description', () => {
    const form = buildForm(
      step(1, {
        path: '/service/uploadtoken/action/upload',
        parameters: [param({ name: 'resumeAt' }), param({ name: 'uploadTokenId' }), param({ name: 'fileData' })],
      }),
      api,
    );
    expect(form.service).toBe('uploadToken');
    expect(form.action).toBe('upload');
    expect(form.paramOrder).toEqual(['uploadTokenId', 'fileData', 'resume', 'finalChunk', 'resumeAt']);
    expect(form.fields.map((f) => [f.name, f.kind, f.widget, f.required])).toEqual([
      ['resumeAt', 'float', 'number', false],
      ['uploadTokenId', 'string', 'text', true],
      ['fileData', 'file', 'file', true],
    ]);
    expect(form.fields[0]!.default).toBe(-1);
  });

  it('path lookup is case-insensitive and the canonical names are kept', () => {
    const form = buildForm(step(0, { path: '/service/UPLOADTOKEN/action/ADD' }), api);
    expect([form.service, form.action, form.known]).toEqual(['uploadToken', 'add', true]);
  });

  it('type, enum, enumLabels, description and default of the recipe win', () => {
    const form = buildForm(
      step(0, {
        path: '/service/uploadtoken/action/upload',
        parameters: [
          param({ name: 'resumeAt', type: 'integer', description: 'Where to resume', default: 0 }),
          param({ name: 'uploadTokenId', enum: ['a', 'b'], enumLabels: ['First', 'Second'] }),
        ],
      }),
      api,
    );
    const [resumeAt, tok] = form.fields;
    expect([resumeAt!.kind, resumeAt!.description, resumeAt!.default]).toEqual(['int', 'Where to resume', 0]);
    expect(tok!.kind).toBe('enum');
    expect(tok!.options!.map(optionText)).toEqual(['First [a]', 'Second [b]']);
  });

  it("the seed's `enum: [false, true]` is a boolean dropdown with labels", () => {
    const form = buildForm(
      step(0, {
        path: '/service/uploadtoken/action/upload',
        parameters: [param({ name: 'finalChunk', enum: [true, false], enumLabels: ['true', 'false'] })],
      }),
      api,
    );
    expect(form.fields[0]).toMatchObject({
      kind: 'bool',
      widget: 'select',
      options: [
        { value: true, label: 'true' },
        { value: false, label: 'false' },
      ],
    });
    expect(formJsonSchema(form)).toEqual({ type: 'object', properties: { finalChunk: { type: 'boolean' } }, required: [] });
  });

  it('a narrowed body schema takes type, enum and labels of each property from the class', () => {
    const form = buildForm(
      step(2, {
        path: '/service/media/action/add',
        parameters: [
          param({
            name: 'body',
            in: 'body',
            schema: { type: 'object', properties: { entry: { type: 'object', properties: { mediaType: {}, name: {} } } } },
          }),
        ],
      }),
      api,
    );
    const mediaType = field(form.fields, 'body.entry.mediaType');
    expect(mediaType).toMatchObject({ kind: 'enum', enumType: 'KalturaMediaType', widget: 'select' });
    expect(mediaType.options!.map(optionText)).toContain('VIDEO [1]');
    expect(mediaType.options!.find((o) => o.value === 2)).toEqual({ value: 2, label: 'IMAGE', constant: 'IMAGE' });
    expect(field(form.fields, 'body.entry.name')).toMatchObject({ kind: 'string', description: expect.any(String) });
    // only the selected properties
    expect(objectFields(form.fields[0]!, undefined).map((f) => f.name)).toEqual(['mediaType', 'name']);
  });

  it('an abstract class offers its concrete subclasses; the fields follow the chosen one', () => {
    const form = buildForm(step(3, { path: '/service/media/action/addContent', parameters: [param({ name: 'resource' })] }), api);
    const resource = form.fields[0]!;
    expect(resource.className).toBe('KalturaResource');
    expect(resource.subclasses).toEqual(expect.arrayContaining(['KalturaUploadedFileTokenResource', 'KalturaUrlResource']));
    expect(resource.subclasses).not.toContain('KalturaResource');
    expect(objectFields(resource, { objectType: 'KalturaUrlResource' }).map((f) => f.name)).toContain('url');
    expect(objectFields(resource, { objectType: 'KalturaUploadedFileTokenResource' }).map((f) => f.name)).toContain('token');
    expect(currentClass(resource, { objectType: 'NotAClass' })).toBe(resource.subclasses![0]);
  });

  it('a preset objectType (x-consoleDefault) is read-only and selects the class', () => {
    const form = buildForm(
      step(3, {
        path: '/service/media/action/addContent',
        parameters: [
          param({
            name: 'body',
            in: 'body',
            schema: {
              properties: { resource: { properties: { objectType: { consoleDefault: 'KalturaUploadedFileTokenResource' }, token: {} } } },
            },
          }),
        ],
      }),
      api,
    );
    const resource = form.fields[0];
    expect(resource!.presetClass).toBe('KalturaUploadedFileTokenResource');
    expect(resource!.subclasses).toEqual(['KalturaUploadedFileTokenResource']);
    expect(currentClass(resource!, { objectType: 'KalturaUrlResource' })).toBe('KalturaUploadedFileTokenResource');
    expect(initialValues(form, conn)).toEqual({ body: { resource: { objectType: 'KalturaUploadedFileTokenResource' } } });
  });

  it('an objectType enum restricts the choices', () => {
    const form = buildForm(
      step(3, {
        path: '/service/media/action/addContent',
        parameters: [param({ name: 'resource', schema: undefined, ...{} })],
      }),
      api,
    );
    expect(form.fields[0]!.subclasses!.length).toBeGreaterThan(1);
    const narrowed = buildForm(
      step(3, {
        path: '/service/media/action/addContent',
        parameters: [
          param({
            name: 'body',
            in: 'body',
            schema: { properties: { resource: { properties: { objectType: { enum: ['KalturaUrlResource'] } } } } },
          }),
        ],
      }),
      api,
    );
    expect(narrowed.fields[0]!.subclasses).toEqual(['KalturaUrlResource']);
  });

  it('ignoreParameters leaves operation parameters out; with no parameters it shows the rest', () => {
    const form = buildForm(step(0, { path: '/service/uploadtoken/action/upload', ignoreParameters: ['fileData', 'resumeAt'] }), api);
    expect(form.fields.map((f) => f.name)).toEqual(['uploadTokenId', 'resume', 'finalChunk']);
    const listed = buildForm(
      step(0, {
        path: '/service/uploadtoken/action/upload',
        parameters: [param({ name: 'uploadTokenId' }), param({ name: 'resume' })],
        ignoreParameters: ['resume'],
      }),
      api,
    );
    expect(listed.fields.map((f) => f.name)).toEqual(['uploadTokenId']);
  });

  it('hidden fields are not shown but keep their value; custom inputs are not parameters', () => {
    const form = buildForm(
      step(0, {
        path: '/service/session/action/start',
        parameters: [
          param({ name: 'type', hidden: true, consoleDefault: 2 }),
          param({ name: 'note', custom: true, type: 'string', default: 'hi' }),
        ],
      }),
      api,
    );
    expect(form.fields[0]).toMatchObject({ hidden: true, widget: 'hidden', param: 'type', kind: 'enum' });
    expect(form.fields[1]).toMatchObject({ custom: true, kind: 'string' });
    expect(form.fields[1]!.param).toBeUndefined();
    expect(form.notes).toEqual([]);
    expect(initialValues(form, conn)).toEqual({ type: 2, note: 'hi' });
  });

  it('fromSecrets pre-fills the credential, which wins over consoleDefault and default', () => {
    const form = buildForm(
      step(0, {
        path: '/service/session/action/start',
        parameters: [
          param({ name: 'secret', fromSecrets: 'secret', consoleDefault: 'x' }),
          param({ name: 'partnerId', fromSecrets: 'partnerId', default: 1 }),
          param({ name: 'userId', fromSecrets: 'userId' }),
          param({ name: 'expiry', consoleDefault: 600, default: 86400 }),
          param({ name: 'privileges', default: 'disableentitlement' }),
        ],
      }),
      api,
    );
    expect(form.fields[0]).toMatchObject({ secret: true, widget: 'password' });
    expect(initialValues(form, conn)).toEqual({
      secret: 's3cr3t',
      partnerId: 555,
      userId: 'alice',
      expiry: 600,
      privileges: 'disableentitlement',
    });
    // without credentials: consoleDefault, then the recipe default, then the operation's default ('' for userId)
    expect(initialValues(form, { serviceUrl: 'http://h' })).toEqual({
      secret: 'x',
      partnerId: 1,
      userId: '',
      expiry: 600,
      privileges: 'disableentitlement',
    });
  });

  it('inputType picks the widget', () => {
    const form = buildForm(
      step(0, {
        path: '/service/media/action/add',
        parameters: [
          param({
            name: 'body',
            in: 'body',
            schema: {
              properties: {
                entry: {
                  properties: { description: { inputType: 'textarea' }, name: { inputType: 'text' }, mediaType: { inputType: 'dropdown' } },
                },
              },
            },
          }),
        ],
      }),
      api,
    );
    expect(field(form.fields, 'body.entry.description').widget).toBe('textarea');
    expect(field(form.fields, 'body.entry.name').widget).toBe('text');
    expect(field(form.fields, 'body.entry.mediaType').widget).toBe('select');
    const file = buildForm(step(0, { parameters: [param({ name: 'pic', custom: true, inputType: 'file' })] }), api);
    expect(file.fields[0]).toMatchObject({ kind: 'file', widget: 'file' });
  });

  it('dynamicValue, dynamicEnum and global are carried to the field', () => {
    const de = {
      path: '/service/media/action/list',
      array: 'objects',
      value: 'id',
      label: 'name',
      parameters: [{ name: 'body', value: '{}' }],
    };
    const form = buildForm(
      step(2, {
        path: '/service/media/action/get',
        parameters: [
          param({ name: 'entryId', dynamicEnum: de, global: true }),
          param({ name: 'version', dynamicValue: { fromStep: 0, value: 'objects.0.version' } as never }),
        ],
      }),
      api,
    );
    expect(form.fields[0]).toMatchObject({ dynamicEnum: de, global: true, widget: 'select' });
    expect(form.fields[1]!.dynamicValue).toMatchObject({ fromStep: 0, value: 'objects.0.version' });
    // dynamic fields start empty: they follow their source
    expect(initialValues(form, conn)).toEqual({});
  });

  it('the same keys work inside schema on nested properties', () => {
    const form = buildForm(
      step(3, {
        path: '/service/media/action/list',
        parameters: [
          param({
            name: 'body',
            in: 'body',
            schema: {
              properties: {
                filter: {
                  properties: {
                    objectType: { consoleDefault: 'KalturaMediaEntryFilter' },
                    mediaTypeEqual: { consoleDefault: 2, hidden: true },
                    nameLike: { description: 'Part of the name' },
                  },
                },
                pager: { properties: { pageSize: { default: 5 } } },
              },
            },
          }),
        ],
      }),
      api,
    );
    expect(field(form.fields, 'body.filter.mediaTypeEqual')).toMatchObject({ hidden: true, kind: 'enum', enumType: 'KalturaMediaType' });
    expect(field(form.fields, 'body.filter.nameLike').description).toBe('Part of the name');
    expect(initialValues(form, conn)).toEqual({
      body: {
        filter: { objectType: 'KalturaMediaEntryFilter', mediaTypeEqual: 2 },
        pager: { objectType: 'KalturaFilterPager', pageSize: 5 },
      },
    });
  });

  it('an unknown operation keeps the recipe parameters, as text, with a note', () => {
    const form = buildForm(
      step(0, { path: '/service/nothing/action/here', parameters: [param({ name: 'a' }), param({ name: 'n', type: 'integer' })] }),
      api,
    );
    expect(form.known).toBe(false);
    expect([form.service, form.action]).toEqual(['nothing', 'here']);
    expect(form.fields.map((f) => [f.name, f.kind])).toEqual([
      ['a', 'string'],
      ['n', 'int'],
    ]);
    expect(form.notes[0]).toMatch(/no operation/);
  });

  it('an unknown parameter that is not custom is noted', () => {
    const form = buildForm(step(0, { path: '/service/media/action/get', parameters: [param({ name: 'entryID' })] }), api);
    expect(form.notes[0]).toMatch(/has no parameter "entryID"/);
  });

  it('a step without an API call has no form', () => {
    expect(buildForm(step(0, undefined), api).fields).toEqual([]);
  });

  it('node() helper sanity', () => {
    expect(node({ type: 'string' }).type).toBe('string');
  });
});
