import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const DOM_BUILD = pathToFileURL(resolve(import.meta.dirname, '../../../node_modules/decode-named-character-reference/index.dom.js')).href;

describe("the lint worker's DOM shim", () => {
  it('lets the browser build of decode-named-character-reference decode entities without a DOM', async () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
    await import('@/components/author/worker-dom-shim');
    // The exact file a browser (and worker) bundle uses.
    const { decodeNamedCharacterReference } = await import(DOM_BUILD);
    expect(decodeNamedCharacterReference('amp')).toBe('&');
    expect(decodeNamedCharacterReference('eacute')).toBe('é');
    expect(decodeNamedCharacterReference('semi')).toBe(';');
    expect(decodeNamedCharacterReference('nosuchentity')).toBe(false);
  });
});
