/** How the CLIs name a file: relative inside the working folder, absolute outside it. */
import { describe, expect, it } from 'vitest';
import { shownPath } from '../../../scripts/cli/paths';

describe('shownPath', () => {
  it('is relative inside the working folder', () => {
    expect(shownPath('/work/p/recipes/x.md', '/work/p')).toBe('recipes/x.md');
    expect(shownPath('recipes/x.md', '/work/p')).toBe('recipes/x.md');
  });
  it('is absolute outside it (never ../)', () => {
    expect(shownPath('/tmp/w/x.md', '/tmp/p')).toBe('/tmp/w/x.md');
    expect(shownPath('../w/x.md', '/tmp/p')).toBe('/tmp/w/x.md');
    expect(shownPath('/work/p', '/work/p')).toBe('/work/p');
  });
});
