import { describe, expect, it } from 'vitest';
import { decodablePath } from '@/lib/server/path';

describe('decodablePath', () => {
  it('leaves paths that decode exactly as they are', () => {
    for (const p of ['/', '/recipes/upload-media', '/api_v3/service/system/action/%70ing', '/a%20b/c%2Fd', '/%E2%82%AC']) {
      expect(decodablePath(p)).toBe(p);
    }
  });

  it('escapes the % signs of each segment that does not decode, and only of that segment', () => {
    expect(decodablePath('/api_v3/service/%E0%A4%A/action/%67et')).toBe('/api_v3/service/%25E0%25A4%25A/action/%67et');
    expect(decodablePath('/%')).toBe('/%25');
    expect(decodablePath('/x/%zz%20/y')).toBe('/x/%25zz%2520/y');
    expect(decodablePath('/%ED%A0%80')).toBe('/%25ED%25A0%2580'); // a lone surrogate is not UTF-8
  });

  it('always returns a path that decodes back to the literal text of broken segments', () => {
    for (const p of ['/%', '/%%', '/a%2', '/%C3%28/%E0%A4%A', '/ok/%zz']) {
      const fixed = decodablePath(p);
      expect(() => decodeURIComponent(fixed)).not.toThrow();
      expect(decodeURIComponent(fixed)).toBe(p);
    }
  });
});
