import { describe, expect, it } from 'vitest';
import { cursorContext, findJsonBlocks, stepIndexAt } from '@/lib/author/cursor-context';

/** Splits `text` at the `|` marker: returns the text without it and the cursor offset. */
function at(marked: string): [string, number] {
  const i = marked.indexOf('|');
  return [marked.slice(0, i) + marked.slice(i + 1), i];
}

const RECIPE = `<!--METADATA
{ "summary": "x", "ta| }
-->

# Title
Intro with \`\`\`inline\`\`\` code.

## Step one
### API Call
\`\`\`json
{ "path": "/service/uploadtoken/action/add", "parameters": [] }
\`\`\`

## Step two
Prose.

### API Call

\`\`\`
{
  "path": "/service/uploadtoken/action/get",
  "parameters": [
    { "name": "uploadTokenId", "dynamicValue": { "fromStep": 0, "value": "id" } }
  ]
}
\`\`\`

### Sample Code (python)
\`\`\`py
{ "not": "an api call" }
\`\`\`
`;

describe('findJsonBlocks', () => {
  it('finds METADATA and every API Call block (fence tag optional, blank line before the fence), not other code', () => {
    const text = RECIPE.replace('|', '');
    const blocks = findJsonBlocks(text);
    expect(blocks.map((b) => [b.kind, b.stepIndex])).toEqual([
      ['metadata', -1],
      ['apiCall', 0],
      ['apiCall', 1],
    ]);
    expect(text.slice(blocks[1]!.start, blocks[1]!.end)).toBe('{ "path": "/service/uploadtoken/action/add", "parameters": [] }');
    expect(text.slice(blocks[2]!.start, blocks[2]!.end)).toMatch(/^\{\n {2}"path": "\/service\/uploadtoken\/action\/get"/);
    expect(text.slice(blocks[2]!.start, blocks[2]!.end).endsWith('}')).toBe(true);
  });

  it('ignores "### API Call" inside another fenced block, and a fence inside a fence', () => {
    const text = '# T\n\n## S\n````md\n### API Call\n```json\n{}\n```\n````\n';
    expect(findJsonBlocks(text)).toEqual([]);
  });

  it('an unclosed API Call fence runs to the end of the file (half-typed input)', () => {
    const text = '# T\n## S\n### API Call\n```json\n{ "pa';
    const [b] = findJsonBlocks(text);
    expect(b!.kind).toBe('apiCall');
    expect(text.slice(b!.start, b!.end)).toBe('{ "pa');
  });
});

describe('stepIndexAt', () => {
  it('counts ## headings outside code blocks', () => {
    const text = '# T\nintro\n## A\n```\n## not a step\n```\n## B\nx';
    expect(stepIndexAt(text, text.indexOf('intro'))).toBe(-1);
    expect(stepIndexAt(text, text.indexOf('not a step'))).toBe(0);
    expect(stepIndexAt(text, text.length)).toBe(1);
  });
});

describe('cursorContext', () => {
  it('a key being typed in METADATA', () => {
    const [text, off] = at(RECIPE);
    const ctx = cursorContext(text, off);
    expect(ctx.kind).toBe('metadata');
    expect(ctx.isKey).toBe(true);
    expect(ctx.path).toEqual(['ta']);
    expect(ctx.inString).toBe(true);
    expect(ctx.prefix).toBe('ta');
    expect(text.slice(ctx.replaceStart, ctx.replaceEnd)).toBe('ta');
  });

  it('the value of "path" in an API Call: replaces the string content', () => {
    const [text, off] = at('# T\n## S\n### API Call\n```json\n{ "method": "post", "path": "/service/me|dia/action/add" }\n```\n');
    const ctx = cursorContext(text, off);
    expect(ctx.kind).toBe('apiCall');
    expect(ctx.isKey).toBe(false);
    expect(ctx.path).toEqual(['path']);
    expect(ctx.inString).toBe(true);
    expect(ctx.prefix).toBe('/service/me');
    expect(text.slice(ctx.replaceStart, ctx.replaceEnd)).toBe('/service/media/action/add');
    expect(ctx.stepIndex).toBe(0);
  });

  it('a parameter name value and a key inside dynamicValue', () => {
    const src = '# T\n## A\n## B\n### API Call\n```json\n{ "path": "/x", "parameters": [ { "name": "up|" } ] }\n```\n';
    const [text, off] = at(src);
    const ctx = cursorContext(text, off);
    expect(ctx.path).toEqual(['parameters', 0, 'name']);
    expect(ctx.isKey).toBe(false);
    expect(ctx.stepIndex).toBe(1);
    const [t2, o2] = at('# T\n## A\n### API Call\n```json\n{ "parameters": [ {}, { "name": "a", "dynamicValue": { "fr| } } ] }\n```');
    const c2 = cursorContext(t2, o2);
    expect(c2.path).toEqual(['parameters', 1, 'dynamicValue', 'fr']);
    expect(c2.isKey).toBe(true);
    expect(c2.prefix).toBe('fr');
  });

  it('an empty position for a new key, and a bare word being typed as a value', () => {
    const [text, off] = at('# T\n## A\n### API Call\n```json\n{\n  "method": "post",\n  |\n}\n```\n');
    const ctx = cursorContext(text, off);
    expect(ctx.kind).toBe('apiCall');
    expect(ctx.isKey).toBe(true);
    expect(ctx.inString).toBe(false);
    expect(ctx.replaceStart).toBe(off);
    expect(ctx.replaceEnd).toBe(off);
    const [t2, o2] = at('# T\n## A\n### API Call\n```json\n{ "disableSetupCode": tr| }\n```\n');
    const c2 = cursorContext(t2, o2);
    expect(c2.path).toEqual(['disableSetupCode']);
    expect(c2.isKey).toBe(false);
    expect(t2.slice(c2.replaceStart, c2.replaceEnd)).toBe('tr');
  });

  it('an unterminated string stops at the end of its line', () => {
    const [text, off] = at('# T\n## A\n### API Call\n```json\n{ "path": "/serv|\n}\n```\n');
    const ctx = cursorContext(text, off);
    expect(ctx.path).toEqual(['path']);
    expect(ctx.inString).toBe(true);
    expect(text.slice(ctx.replaceStart, ctx.replaceEnd)).toBe('/serv');
  });

  it('outside any JSON block: prose, sample code, the fence line itself', () => {
    for (const marker of ['Prose.|', '{ "not": "an| api call" }', '## Step two|']) {
      const src = RECIPE.replace('|', '').replace(marker.replace('|', ''), marker);
      const [text, off] = at(src);
      expect(cursorContext(text, off).kind, marker).toBe('none');
    }
  });
});
