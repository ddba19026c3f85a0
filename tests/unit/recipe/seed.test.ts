import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRecipe, PORTAL_LANGUAGES, type Recipe } from '@/lib/recipe';

const source = readFileSync(new URL('../../../recipes/upload-media.md', import.meta.url), 'utf8');

/** Drops source ranges so that the model can be compared by value. */
function strip<T>(v: T): T {
  return JSON.parse(JSON.stringify(v, (k, x) => (k === 'range' || k === 'headingRange' ? undefined : x)));
}

const at = (r: { start: { line: number; column: number }; end: { line: number; column: number } }) =>
  `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;

describe('the seed recipe (recipes/upload-media.md)', () => {
  const recipe: Recipe = parseRecipe(source);

  it('has no diagnostics at all', () => {
    expect(recipe.diagnostics).toEqual([]);
  });

  it('reads title, metadata and intro', () => {
    expect(recipe.title).toBe('Uploading Media Files');
    expect(at(recipe.titleRange!)).toBe('14:1-14:24');
    expect(recipe.metadata).toEqual({
      icon: 'upload',
      sortOrder: 900,
      tags: ['uploadToken', 'media'],
      keywords: [],
      hidden: false,
      relatedRecipes: [],
      summary:
        'Upload a video, image or audio asset to your Kaltura media library by generating an upload token, creating an Entry and executing the media transcoding and enrichment processes automatically.',
      extra: {},
    });
    expect(at(recipe.metadataRange!)).toBe('1:1-12:4');
    // The intro is line 15, the only text between the title and the first step.
    expect(recipe.intro).toBe(source.split('\n')[14]);
    expect(recipe.intro.startsWith('This recipe will walk you through the process of uploading new videos')).toBe(true);
    expect(recipe.intro.endsWith('service and file upload flow.')).toBe(true);
    expect(recipe.finish).toBeUndefined();
  });

  it('has 4 steps with their titles and heading positions', () => {
    expect(recipe.steps.map((s) => [s.index, s.title, at(s.range)])).toEqual([
      [0, 'Uploading Media Files - Create an Upload Token', '17:1-17:50'],
      [1, 'Uploading Media Files - Upload the Binary Data', '88:1-88:50'],
      [2, 'Creating a Kaltura Media Entry', '207:1-207:34'],
      [3, 'Attaching the Uploaded File to the Kaltura Media Entry', '243:1-243:58'],
    ]);
  });

  it("keeps each step's prose, without the special subsections", () => {
    const [s0, s1, s2, s3] = recipe.steps;
    expect(s0!.prose).toBe(
      "Use the uploadToken service to upload a new video file to the Kaltura API. First you'll need to use `uploadToken.add` to create a new upload token.\n\n" +
        "If you're working in JavaScript, the [jQuery File Upload widget](https://github.com/kaltura/jQuery-File-Upload) will take care of this step for you.",
    );
    expect(s1!.prose).toContain('Kaltura supports uploading big media files in chunks.');
    expect(s1!.prose).toContain('- Upload requests, each with resume=true');
    expect(s1!.prose).toContain('and choose **Save As**.');
    expect(s1!.prose).not.toContain('API Call');
    expect(s2!.prose).toContain('4. You may leave the other fields blank or with their default values.');
    expect(s3!.prose).toContain('you will receive the email as soon as the transcoding is complete.');
    for (const s of recipe.steps) {
      expect(s.prose).not.toContain('```json');
      expect(s.prose).not.toContain('### ');
    }
  });

  it('reads every API call exactly', () => {
    const calls = recipe.steps.map((s) => strip(s.apiCall));
    expect(calls[0]).toEqual({
      method: 'post',
      path: '/service/uploadtoken/action/add',
      parameters: [],
      ignoreParameters: [],
      disableSetupCode: false,
      extra: {},
    });
    expect(calls[1]).toEqual({
      method: 'post',
      path: '/service/uploadtoken/action/upload',
      parameters: [
        { name: 'uploadTokenId', dynamicValue: { fromStep: 0, value: 'id' }, extra: {} },
        { name: 'fileData', extra: {} },
        { name: 'resume', enum: [false, true], enumLabels: ['false', 'true'], extra: {} },
        { name: 'finalChunk', enum: [true, false], enumLabels: ['true', 'false'], extra: {} },
        { name: 'resumeAt', consoleDefault: -1, extra: {} },
      ],
      ignoreParameters: [],
      disableSetupCode: false,
      extra: {},
    });
    expect(calls[2]).toEqual({
      method: 'post',
      path: '/service/media/action/add',
      parameters: [
        {
          name: 'body',
          in: 'body',
          schema: {
            type: 'object',
            properties: {
              entry: {
                type: 'object',
                properties: {
                  mediaType: { extra: {} },
                  name: { extra: {} },
                  description: { extra: {} },
                },
                extra: {},
              },
            },
            extra: {},
          },
          extra: {},
        },
      ],
      ignoreParameters: [],
      disableSetupCode: false,
      extra: {},
    });
    expect(calls[3]).toEqual({
      method: 'post',
      path: '/service/media/action/addContent',
      parameters: [
        {
          name: 'body',
          in: 'body',
          schema: {
            type: 'object',
            properties: {
              resource: {
                type: 'object',
                properties: {
                  // x-consoleDefault is normalised to consoleDefault, and not kept under its x- name.
                  objectType: { consoleDefault: 'KalturaUploadedFileTokenResource', extra: {} },
                  token: { type: 'string', dynamicValue: { fromStep: 0, value: 'id' }, extra: {} },
                },
                extra: {},
              },
              entryId: { dynamicValue: { fromStep: 2, value: 'id' }, extra: {} },
            },
            extra: {},
          },
          extra: {},
        },
      ],
      ignoreParameters: [],
      disableSetupCode: false,
      extra: {},
    });
  });

  it('locates API Call blocks, parameters and dynamic values', () => {
    const [s0, s1, , s3] = recipe.steps;
    expect(at(s0!.apiCall!.headingRange)).toBe('22:1-22:13');
    expect(at(s0!.apiCall!.range)).toBe('24:1-28:2');
    expect(at(s1!.apiCall!.range)).toBe('106:1-147:2');
    expect(s1!.apiCall!.parameters.map((p) => at(p.range))).toEqual([
      '110:5-116:6',
      '117:5-119:6',
      '120:5-130:6',
      '131:5-141:6',
      '142:5-145:6',
    ]);
    expect(at(s1!.apiCall!.parameters[0]!.dynamicValue!.range)).toBe('112:23-115:8');
    const res = s3!.apiCall!.parameters[0]!.schema!.properties!.resource!;
    expect(at(res.properties!.objectType!.range)).toBe('265:29-267:16');
    expect(at(res.properties!.token!.dynamicValue!.range)).toBe('269:33-272:18');
    expect(s3!.apiCall!.parameters[0]!.range.start).toEqual({ line: 257, column: 5, offset: expect.any(Number) });
    // Offsets and line:col agree with the text.
    const p = s1!.apiCall!.parameters[4]!;
    expect(source.slice(p.range.start.offset, p.range.end.offset)).toBe('{\n      "name": "resumeAt",\n      "consoleDefault": -1\n    }');
  });

  it('steps 1 and 2 offer 11 languages: ajax hand-written, the other ten auto', () => {
    for (const s of recipe.steps.slice(0, 2)) {
      expect(s.samples.map((x) => x.language)).toEqual([...PORTAL_LANGUAGES]);
      expect(s.languages.map((x) => x.language)).toEqual([...PORTAL_LANGUAGES]);
      const [ajax, ...rest] = s.languages;
      expect(ajax!.auto).toBe(false);
      expect(ajax!.fenceLang).toBe('javascript');
      expect(ajax!.code.startsWith('$(\'input[name="fileData"]\').fileupload({\n      apiURL:')).toBe(true);
      expect(ajax!.code.endsWith('      },\n});')).toBe(true);
      for (const x of rest) {
        expect(x.auto).toBe(true);
        expect(x.code).toBe('');
      }
    }
    const s0 = recipe.steps[0]!;
    expect(s0.samples.map((x) => x.fenceLang)).toEqual([
      'javascript',
      'typescript',
      'csharp',
      'bash',
      'java',
      'javascript',
      'php',
      'php',
      'py',
      'ruby',
      'swift',
    ]);
    expect(at(s0.samples[0]!.range)).toBe('31:1-46:4');
    expect(at(s0.samples[10]!.range)).toBe('84:1-86:4');
    expect(at(recipe.steps[1]!.samples[8]!.range)).toBe('195:1-197:4');
  });

  it('steps 3 and 4 offer generated code in all 11 portal languages', () => {
    for (const s of recipe.steps.slice(2)) {
      expect(s.samples).toEqual([]);
      expect(s.languages.map((x) => [x.language, x.auto, x.code])).toEqual(PORTAL_LANGUAGES.map((l) => [l, true, '']));
    }
    expect(recipe.steps.every((s) => s.demo === undefined)).toBe(true);
  });

  it('is JSON-serialisable (crosses the server/client boundary as props)', () => {
    expect(JSON.parse(JSON.stringify(recipe))).toEqual(recipe);
  });

  it('parses the same with CRLF line endings, at the same line:col', () => {
    const crlf = parseRecipe(source.replace(/\n/g, '\r\n'));
    expect(crlf.diagnostics).toEqual([]);
    expect(strip(crlf.steps.map((s) => s.apiCall))).toEqual(strip(recipe.steps.map((s) => s.apiCall)));
    expect(crlf.steps[1]!.apiCall!.parameters.map((p) => at(p.range))).toEqual(
      recipe.steps[1]!.apiCall!.parameters.map((p) => at(p.range)),
    );
  });
});
