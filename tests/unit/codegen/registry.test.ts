import { describe, expect, it } from 'vitest';
import { GENERATORS, LANGUAGE_IDS } from '@/lib/codegen';
import { LANGUAGES, loadGenerator, loadedGenerator } from '@/lib/codegen/registry';
import { PORTAL_LANGUAGES } from '@/lib/recipe/types';

describe('language registry', () => {
  it('covers exactly the portal languages', () => {
    expect([...LANGUAGE_IDS].sort()).toEqual([...PORTAL_LANGUAGES].sort());
    expect(Object.keys(LANGUAGES).sort()).toEqual([...PORTAL_LANGUAGES].sort());
  });

  it('describes each generator as the generator describes itself', () => {
    for (const id of LANGUAGE_IDS) {
      const { id: gid, label, fileExtension, shikiLang, grammar } = GENERATORS[id];
      expect(LANGUAGES[id]).toEqual({ id: gid, label, fileExtension, shikiLang, grammar });
    }
  });

  it('loads each generator lazily, once, and the same object the index exports', async () => {
    for (const id of LANGUAGE_IDS) {
      const g = await loadGenerator(id);
      expect(g).toBe(GENERATORS[id]);
      expect(loadedGenerator(id)).toBe(g);
    }
  });

  it('rejects a language without a generator with a clear message', async () => {
    await expect(loadGenerator('cobol')).rejects.toThrow('No code generator for "cobol".');
    await expect(loadGenerator('__proto__')).rejects.toThrow(/No code generator/);
  });
});
