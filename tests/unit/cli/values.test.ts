/** The recipe CLIs' shared flags: argument parsing, --value STEP.PATH=VALUE, required inputs left empty. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { buildForm, initialValues, setPath } from '@/lib/form';
import { parseRecipe } from '@/lib/recipe';
import { givenValue, valueFromText } from '@/lib/runner/given-values';
import { parseArgs } from '@/scripts/cli/args';
import { readTarget } from '@/scripts/cli/target';
import { missingRequired, parseValueFlags, valuesForRecipe } from '@/scripts/cli/values';

class Failed extends Error {}
const fail = (m: string): never => {
  throw new Failed(m);
};
const api = getKalturaDescription();
const formsOf = (file: string) => parseRecipe(readFileSync(file, 'utf8')).steps.map((s) => buildForm(s, api));

describe('parseArgs', () => {
  const spec = { values: ['--lang', '--step'], repeatable: ['--value'], bools: ['--whole'] };
  it('reads --name value, --name=value, repeated flags in order, and positional arguments', () => {
    const a = parseArgs(['--', 'r.md', '--lang', 'node', '--value=1.a=x', '--whole', '--value', '2.b=y=z', '--step=3'], spec, fail);
    expect(a.positional).toEqual(['r.md']);
    expect(a.opts).toEqual({ '--lang': 'node', '--step': '3' });
    expect(a.multi['--value']).toEqual(['1.a=x', '2.b=y=z']);
    expect([...a.flags]).toEqual(['--whole']);
  });
  it.each([
    [['--bogus'], 'unknown option --bogus.'],
    [['--lang'], '--lang needs a value.'],
    [['--value', '--whole'], '--value needs a value.'],
  ])('%j: %s', (argv, message) => {
    expect(() => parseArgs(argv, spec, fail)).toThrow(message);
  });
});

describe('target flags', () => {
  it('checks and normalises them', () => {
    expect(
      readTarget({ '--service-url': 'https://example.com/api_v3/', '--partner-id': '42', '--secret': 's', '--ks': ' k ' }, fail),
    ).toEqual({
      serviceUrl: 'https://example.com',
      partnerId: 42,
      secret: 's',
      ks: 'k',
    });
    expect(() => readTarget({ '--partner-id': '4.2' }, fail)).toThrow('--partner-id must be a whole number (got "4.2").');
    expect(() => readTarget({ '--service-url': 'file:///etc' }, fail)).toThrow('--service-url must be an http(s) URL');
    expect(() => readTarget({ '--ks': '  ' }, fail)).toThrow('--ks is empty.');
  });
});

describe('--value STEP.PATH=VALUE', () => {
  it('parses the step (1-based), the path, the value and an optional recipe', () => {
    expect(parseValueFlags(['3.entry.mediaType=1', 'upload-media:2.resume=true', '1.body.x=a=b'], fail)).toEqual([
      { step: 2, path: 'entry.mediaType', text: '1', raw: '3.entry.mediaType=1' },
      { recipe: 'upload-media', step: 1, path: 'resume', text: 'true', raw: 'upload-media:2.resume=true' },
      { step: 0, path: 'body.x', text: 'a=b', raw: '1.body.x=a=b' },
    ]);
  });
  it.each(['entry.mediaType=1', '3=1', '3.x', '0.x=1', 'a.b=1'])('refuses %s with the form to write', (raw) => {
    expect(() => parseValueFlags([raw], fail)).toThrow(/--value .*(STEP\.PATH=VALUE|count from 1)/);
  });

  it('finds the input (body. may be left out) and converts the text to its type', () => {
    const forms = formsOf('recipes/upload-media.md');
    const r = valuesForRecipe(
      'recipes/upload-media.md',
      forms,
      parseValueFlags(['3.entry.mediaType=VIDEO', '3.body.entry.name=Clip', '2.resume=true', '2.resumeAt=0'], fail),
    );
    expect(r.errors).toEqual([]);
    expect(r.values[2]!.map((g) => [g.path, g.value])).toEqual([
      ['body.entry.mediaType', 1],
      ['body.entry.name', 'Clip'],
    ]);
    expect(r.values[1]!.map((g) => [g.path, g.value])).toEqual([
      ['resume', true],
      ['resumeAt', 0],
    ]);
  });

  it('says what is wrong: no such step, a step without a call, no such input, a value of the wrong type', () => {
    const forms = formsOf('recipes/upload-media.md');
    const r = valuesForRecipe(
      'recipes/upload-media.md',
      forms,
      parseValueFlags(['9.x=1', '3.entry.mediaTyp=1', '3.entry.mediaType=MOVIE', '2.resumeAt=soon', '2.fileData=x'], fail),
    );
    expect(r.errors).toEqual([
      '--value 9.x=1: recipes/upload-media.md has 4 steps, so there is no step 9.',
      expect.stringMatching(
        /^--value 3\.entry\.mediaTyp=1: step 3 has no input "entry\.mediaTyp"; its inputs are entry, entry\.mediaType, entry\.name, entry\.description/,
      ),
      expect.stringMatching(/^--value 3\.entry\.mediaType=MOVIE: step 3: mediaType is one of 1 \(VIDEO\), 2 \(IMAGE\), 5 \(AUDIO\)/),
      '--value 2.resumeAt=soon: step 2: resumeAt takes a number (got "soon").',
      '--value 2.fileData=x: step 2: fileData is a file: pass it with --file PATH.',
    ]);
  });

  it('a value for another recipe is left out; a prose step has no inputs', () => {
    const forms = formsOf('recipes/upload-media.md');
    expect(valuesForRecipe('recipes/upload-media.md', forms, parseValueFlags(['other:3.x=1'], fail))).toEqual({ values: {}, errors: [] });
  });

  it('valueFromText: booleans, JSON objects, enums by value, constant or label', () => {
    const forms = formsOf('recipes/list-and-filter-media.md');
    const g = givenValue(forms[1]!, 'filter.mediaTypeEqual', 'image');
    expect('error' in g ? g.error : g.value).toBe(2);
    const obj = givenValue(forms[1]!, 'pager', '{"pageSize": 3}');
    expect('error' in obj ? obj.error : obj.value).toEqual({ pageSize: 3 });
    const bad = givenValue(forms[1]!, 'pager', '{pageSize');
    expect('error' in bad && bad.error).toMatch(/takes JSON .*not valid JSON/);
    expect(valueFromText({ kind: 'bool', label: 'x' } as never, 'no')).toEqual({ value: false });
    expect(valueFromText({ kind: 'bool', label: 'x' } as never, 'maybe')).toEqual({ error: 'x takes true or false (got "maybe").' });
  });
});

describe('required inputs left empty (recipes:code warns about them)', () => {
  it('names each with its --value flag; values from earlier steps do not count', () => {
    const forms = formsOf('recipes/upload-media.md');
    const conn = { serviceUrl: 'http://x' };
    // media.add requires entry.mediaType (the API says so), and the recipe leaves it to the reader.
    expect(missingRequired(forms[2]!, initialValues(forms[2]!, conn))).toEqual([
      { step: 2, path: 'body.entry.mediaType', message: 'entry.mediaType is required', flag: '--value 3.entry.mediaType=VALUE' },
    ]);
    expect(missingRequired(forms[2]!, setPath(initialValues(forms[2]!, conn), 'body.entry.mediaType', 1))).toEqual([]);
    // Step 4 takes entryId and the token from steps 3 and 1: known when the program runs.
    expect(missingRequired(forms[3]!, initialValues(forms[3]!, conn))).toEqual([]);
    // A dropdown that follows an earlier step (manage-upload-tokens step 3) is not missing either.
    const tokens = formsOf('recipes/manage-upload-tokens.md');
    expect(missingRequired(tokens[2]!, initialValues(tokens[2]!, conn))).toEqual([]);
  });

  it('a required body property the recipe declares (entry.mediaType of list-and-filter-media) counts', () => {
    const forms = formsOf('recipes/list-and-filter-media.md');
    const v = setPath(initialValues(forms[0]!, { serviceUrl: 'http://x' }), 'body.entry.mediaType', undefined);
    expect(missingRequired(forms[0]!, v).map((m) => m.flag)).toEqual(['--value 1.entry.mediaType=VALUE']);
  });
});
