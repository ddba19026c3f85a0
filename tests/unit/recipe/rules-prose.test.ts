/**
 * prose-class: a step's prose that names a Kaltura class its form does not offer is flagged
 * (lib/recipe/rules/prose-class.ts), with the class the form offers; other class names are not.
 */
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { parseRecipe } from '@/lib/recipe';

const api = getKalturaDescription();
const addContent = {
  method: 'post',
  path: '/service/media/action/addContent',
  parameters: [
    {
      name: 'body',
      in: 'body',
      schema: {
        properties: {
          entryId: {},
          resource: { properties: { objectType: { 'x-consoleDefault': 'KalturaUploadedFileTokenResource' }, token: {} } },
        },
      },
    },
  ],
};
const anyResource = { method: 'post', path: '/service/media/action/addContent', parameters: [{ name: 'entryId' }, { name: 'resource' }] };

function recipe(prose: string, call: unknown = addContent): string {
  return (
    [
      '# T',
      '## Attach',
      prose,
      '',
      '### API Call',
      '```json',
      JSON.stringify(call),
      '```',
      '## Finish',
      'KalturaNoSuchThing is fine here.',
    ].join('\n') + '\n'
  );
}
const flagged = (src: string) => parseRecipe(src, { api }).diagnostics.filter((d) => d.rule === 'prose-class');

describe('prose-class', () => {
  it('flags a class the description does not have, at its place, with the one the form offers', () => {
    const src = recipe('1. Select `resource` of type `KalturaUploadedFileResourceToken`.');
    const ds = flagged(src);
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({
      severity: 'warning',
      stepIndex: 0,
      line: 3,
      column: 31,
      endColumn: 31 + 'KalturaUploadedFileResourceToken'.length,
    });
    expect(ds[0]!.message).toBe(
      "The prose names KalturaUploadedFileResourceToken, which the API description does not have: did you mean KalturaUploadedFileTokenResource? This step's form offers KalturaUploadedFileTokenResource.",
    );
  });

  it('flags a real subclass of the object the form takes when the form does not offer it', () => {
    const ds = flagged(recipe('Use a KalturaUrlResource here.'));
    expect(ds.map((d) => d.message)).toEqual([
      "The prose names KalturaUrlResource, which this step's form does not offer (it offers KalturaUploadedFileTokenResource). Fix the prose, or offer it (objectType enum or preset).",
    ]);
    // Offered as a choice: fine.
    expect(flagged(recipe('Use a KalturaUrlResource here.', anyResource))).toEqual([]);
  });

  it('leaves alone the offered class, base classes, other classes, enums, code fences and other sections', () => {
    const prose = [
      'Select KalturaUploadedFileTokenResource (a KalturaResource); the answer is a KalturaMediaEntry',
      'whose status is a KalturaEntryStatus.',
      '```json',
      '{ "objectType": "KalturaNotAClassAtAll" }',
      '```',
    ].join('\n');
    expect(flagged(recipe(prose))).toEqual([]);
  });

  it('the shipped recipes say only what their forms offer', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = join(import.meta.dirname, '../../../recipes');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.md'))) {
      expect(flagged(readFileSync(join(dir, f), 'utf8')).map((d) => `${f}:${d.line}: ${d.message}`)).toEqual([]);
    }
  });
});
