/**
 * Before a file is chosen, upload code names a placeholder path (`/path/to/video.mp4`) that the
 * reader replaces: never `null`, never a dropped file argument. After the pick, the file's name.
 */
import { describe, expect, it } from 'vitest';
import { GENERATORS, LANGUAGE_IDS } from '@/lib/codegen';
import { buildForm, initialValues } from '@/lib/form';
import { buildRequestModel } from '@/lib/request/build';
import { executeRequest } from '@/lib/request/execute';
import type { RequestModel } from '@/lib/request/types';
import { api, connection, ctxOf, loadRecipe, uploadResults } from './fixtures';

const recipe = loadRecipe('recipes/upload-media.md');

function uploadModel(file?: { name: string; size: number }): RequestModel {
  const step = recipe.steps[1]!;
  const form = buildForm(step, api);
  let values = initialValues(form, connection) as Record<string, unknown>;
  if (file) values = { ...values, fileData: { kind: 'file', ...file } };
  return buildRequestModel({ step, form, values, results: uploadResults as never, connection, api }).model!;
}

describe('upload code before a file is chosen', () => {
  const model = uploadModel();

  it('the model holds the named placeholder, and the build still asks for the file', () => {
    expect(model.params.find((p) => p.name === 'fileData')?.value).toMatchObject({
      kind: 'file',
      path: '/path/to/video.mp4',
      placeholder: true,
    });
  });

  for (const lang of LANGUAGE_IDS.filter((l) => l !== 'ajax' && l !== 'angular')) {
    it(`${lang}: prints the placeholder path, never null for the file`, () => {
      const g = GENERATORS[lang as keyof typeof GENERATORS];
      for (const code of [g.step(model, ctxOf()), g.step(model, ctxOf({ setup: true }))]) {
        expect(code).toContain('/path/to/video.mp4');
        // The file argument is a declared path, not `null`/`nil`/`None`.
        expect(code).not.toMatch(/file_?data\W*(?::\s*\w+\s*)?=\s*(null|nil|None)\b/i);
      }
    });
  }

  it('curl: one variable at the top holds the path; the upload line uses it', () => {
    const code = GENERATORS.curl.step(model, ctxOf());
    const lines = code.split('\n');
    expect(lines[0]).toMatch(/^# The file to upload/);
    expect(lines[1]).toBe('FILE_DATA=/path/to/video.mp4');
    expect(code).toContain('-F "fileData=@${FILE_DATA}"');
    const program = GENERATORS.curl.program([model], ctxOf());
    expect(program.indexOf('FILE_DATA=/path/to/video.mp4')).toBeLessThan(program.indexOf('kcall()'));
    expect(program).toContain('-F "fileData=@${FILE_DATA}"');
  });

  it('the other languages declare the file first in the step', () => {
    expect(GENERATORS.python.step(model, ctxOf()).split('\n')[0]).toBe('file_data = open("/path/to/video.mp4", "rb")');
    expect(GENERATORS.node.step(model, ctxOf()).split('\n')[0]).toMatch(/^const fileData = "\/path\/to\/video\.mp4";/);
  });

  it('after the pick, the code opens the picked file by name', () => {
    const picked = uploadModel({ name: 'holiday.mp4', size: 1234 });
    expect(GENERATORS.curl.step(picked, ctxOf())).toContain('-F fileData=@/path/to/holiday.mp4');
    expect(GENERATORS.curl.step(picked, ctxOf())).not.toContain('FILE_DATA');
    expect(GENERATORS.python.step(picked, ctxOf())).toContain('open("/path/to/holiday.mp4", "rb")');
  });

  it('the live call cannot be made with the placeholder', async () => {
    let fetched = false;
    const r = await executeRequest(model, {
      files: {},
      fetchImpl: (async () => {
        fetched = true;
        return new Response('{}');
      }) as typeof fetch,
    });
    expect(fetched).toBe(false);
    expect(r.ok).toBe(false);
    expect(r.error).toEqual({ kind: 'file', message: 'Choose a file for fileData first.' });
  });
});
