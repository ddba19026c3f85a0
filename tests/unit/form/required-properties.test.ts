/**
 * Properties the API requires of an object argument are required in the form, whether or not
 * the recipe says so: media.add's entry.mediaType (Kaltura refuses an entry without it).
 */
import { describe, expect, it } from 'vitest';
import { createDescription, getKalturaDescription, buildKalturaOpenApi } from '@/lib/description';
import { buildForm, walkFields } from '@/lib/form';
import { validateValues } from '@/lib/form/validate';
import type { FormField } from '@/lib/form';
import { node, param, step } from './helpers';

const api = getKalturaDescription();

function field(fields: FormField[], path: string): FormField {
  let found: FormField | undefined;
  walkFields(fields, (f) => {
    if (f.path === path) found ??= f;
  });
  if (!found) throw new Error(`no field ${path}`);
  return found;
}

describe('required properties of object arguments', () => {
  it("the description says it with JSON Schema's own keyword, and the reader keeps it", () => {
    const doc = buildKalturaOpenApi() as {
      paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } } }>;
    };
    const entry = doc.paths['/service/media/action/add']!.post.requestBody.content['application/json']!.schema.properties.entry;
    expect(entry).toMatchObject({ required: ['mediaType'] });
    expect(createDescription(doc).operationByName('media', 'add')!.params[0]!.requiredProperties).toEqual(['mediaType']);
  });

  it('a narrowed entry (the upload recipe) marks mediaType required, the others not', () => {
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
    expect(field(form.fields, 'body.entry.mediaType').required).toBe(true);
    expect(field(form.fields, 'body.entry.name').required).toBe(false);
    const errors = validateValues(form, { body: { entry: { objectType: 'KalturaMediaEntry', name: 'x' } } });
    expect(errors.map((e) => e.path)).toContain('body.entry.mediaType');
    expect(validateValues(form, { body: { entry: { objectType: 'KalturaMediaEntry', mediaType: 1 } } })).toEqual([]);
  });

  it('an entry the recipe does not narrow marks it too; media.update does not', () => {
    const add = buildForm(step(0, { path: '/service/media/action/add', parameters: [param({ name: 'entry' })] }), api);
    expect(field(add.fields, 'entry.mediaType').required).toBe(true);
    const update = buildForm(
      step(0, {
        path: '/service/media/action/update',
        parameters: [param({ name: 'entryId' }), param({ name: 'mediaEntry', schema: node({ type: 'object' }) as never })],
      }),
      api,
    );
    let anyRequired = false;
    walkFields(update.fields, (f) => {
      if (f.path.endsWith('.mediaType') && f.required) anyRequired = true;
    });
    expect(anyRequired).toBe(false);
  });
});
