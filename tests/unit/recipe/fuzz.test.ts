/**
 * Fuzz: 3000+ seeded random mutations of the seed recipe. parseRecipe must never throw,
 * must always return a well-formed model with positions inside the file, and a mutation that
 * breaks the JSON of a METADATA or API Call block must give at least one error.
 */
import { readFileSync } from 'node:fs';
import { prng, type Rng } from '../../helpers/prng';
import { describe, expect, it } from 'vitest';
import { parseRecipe, ruleById, type Diagnostic, type Range, type Recipe } from '@/lib/recipe';
import { LineIndex } from '@/lib/recipe/lines';
import { scanBlocks, scanBlocksIncremental } from '@/lib/recipe/markdown';

const seed = readFileSync(new URL('../../../recipes/upload-media.md', import.meta.url), 'utf8');

const NASTY = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '`',
  '```',
  '~~~',
  '#',
  '## ',
  '### API Call\n',
  '\n',
  '\r',
  '\r\n',
  '\t',
  '\\',
  '<!--',
  '-->',
  '<!--METADATA',
  '\u0000',
  '\u00e9',
  '\ud83d\ude00',
  '\ud800',
  '\ufeff',
  '\u2028',
  'null',
  '-1e999',
  '>',
  '- ',
  '1. ',
  '    ',
];

function randomText(r: Rng): string {
  const n = 1 + r.int(6);
  let s = '';
  for (let i = 0; i < n; i++) {
    const k = r.int(3);
    if (k === 0) s += r.pick(NASTY);
    else if (k === 1) s += String.fromCharCode(r.int(0x80));
    else s += String.fromCharCode(r.int(0x10000));
  }
  return s;
}

/** One random mutation of `text`. */
function mutate(text: string, r: Rng): string {
  const lines = text.split('\n');
  const li = r.int(lines.length);
  switch (r.int(8)) {
    case 0: // delete a line
      lines.splice(li, 1);
      return lines.join('\n');
    case 1: // duplicate a line
      lines.splice(li, 0, lines[li]!);
      return lines.join('\n');
    case 2: // cut a line short
      lines[li] = lines[li]!.slice(0, r.int(lines[li]!.length + 1));
      return lines.join('\n');
    case 3: {
      // insert random characters
      const at = r.int(text.length + 1);
      return text.slice(0, at) + randomText(r) + text.slice(at);
    }
    case 4: {
      // remove a brace or bracket
      const idx: number[] = [];
      for (let i = 0; i < text.length; i++) if ('{}[]'.includes(text[i]!)) idx.push(i);
      if (!idx.length) return text;
      const at = r.pick(idx);
      return text.slice(0, at) + text.slice(at! + 1);
    }
    case 5: {
      // swap two lines
      const lj = r.int(lines.length);
      [lines[li], lines[lj]] = [lines[lj]!, lines[li]!];
      return lines.join('\n');
    }
    case 6: // truncate the file
      return text.slice(0, r.int(text.length + 1));
    default: {
      // delete a random span
      const at = r.int(text.length + 1);
      return text.slice(0, at) + text.slice(at + 1 + r.int(40));
    }
  }
}

function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

function checkPosition(lens: number[], line: number, column: number, what: string): void {
  if (!Number.isInteger(line) || line < 1 || line > lens.length) throw new Error(`${what}: line ${line} outside 1..${lens.length}`);
  if (!Number.isInteger(column) || column < 1 || column > lens[line - 1]! + 1) {
    throw new Error(`${what}: column ${column} outside 1..${lens[line - 1]! + 1} on line ${line}`);
  }
}

function checkRange(lens: number[], text: string, r: Range, what: string): void {
  checkPosition(lens, r.start.line, r.start.column, `${what} start`);
  checkPosition(lens, r.end.line, r.end.column, `${what} end`);
  if (r.start.offset < 0 || r.end.offset > text.length || r.end.offset < r.start.offset) throw new Error(`${what}: bad offsets`);
}

function checkDiagnostic(lens: number[], d: Diagnostic, steps: number): void {
  if (d.severity !== 'error' && d.severity !== 'warning') throw new Error(`bad severity ${d.severity}`);
  if (typeof d.message !== 'string' || d.message.length < 10) throw new Error(`bad message ${d.message}`);
  if (typeof d.rule !== 'string' || !d.rule) throw new Error('no rule id');
  // Every problem is a registered rule (lib/recipe/rules), with a doc and examples.
  if (!ruleById(d.rule)) throw new Error(`diagnostic of an unregistered rule ${d.rule}`);
  checkPosition(lens, d.line, d.column, `diagnostic ${d.rule}`);
  checkPosition(lens, d.endLine, d.endColumn, `diagnostic ${d.rule} end`);
  if (d.endLine < d.line || (d.endLine === d.line && d.endColumn < d.column)) throw new Error(`diagnostic ${d.rule}: reversed range`);
  // Empty only where the text offers nothing to underline (an empty last line).
  if (d.endLine === d.line && d.endColumn === d.column && !(lens[d.line - 1] === 0 && d.line === lens.length)) {
    throw new Error(`diagnostic ${d.rule}: empty range at ${d.line}:${d.column}`);
  }
  if (d.stepIndex !== undefined && !(Number.isInteger(d.stepIndex) && d.stepIndex >= 0 && d.stepIndex < steps))
    throw new Error(`diagnostic ${d.rule}: stepIndex ${d.stepIndex} of ${steps}`);
}

/** Throws (with a reason) unless `r` is a well-formed model of `text`. */
function checkModel(text: string, r: Recipe): void {
  const lens = lineLengths(text);
  const isStrArr = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');
  if (typeof r.title !== 'string' || typeof r.intro !== 'string') throw new Error('title/intro');
  const m = r.metadata;
  if (!isStrArr(m.tags) || !isStrArr(m.keywords) || !isStrArr(m.relatedRecipes) || typeof m.hidden !== 'boolean')
    throw new Error('metadata shape');
  if (m.sortOrder !== undefined && typeof m.sortOrder !== 'number') throw new Error('sortOrder');
  if (typeof m.extra !== 'object' || m.extra === null) throw new Error('metadata.extra');
  if (r.titleRange) checkRange(lens, text, r.titleRange, 'title');
  if (r.metadataRange) checkRange(lens, text, r.metadataRange, 'metadata');
  if (r.finish !== undefined && typeof r.finish !== 'string') throw new Error('finish');
  r.steps.forEach((s, i) => {
    if (s.index !== i || typeof s.title !== 'string' || typeof s.prose !== 'string') throw new Error(`step ${i} shape`);
    checkRange(lens, text, s.range, `step ${i}`);
    for (const x of [...s.samples, ...s.languages]) {
      if (typeof x.language !== 'string' || typeof x.auto !== 'boolean' || typeof x.code !== 'string') throw new Error('sample shape');
      checkRange(lens, text, x.range, 'sample');
    }
    if (s.demo) checkRange(lens, text, s.demo.range, 'demo');
    const c = s.apiCall;
    if (c) {
      if (!Array.isArray(c.parameters) || !isStrArr(c.ignoreParameters) || typeof c.disableSetupCode !== 'boolean')
        throw new Error('apiCall shape');
      if (c.path !== undefined && typeof c.path !== 'string') throw new Error('path');
      checkRange(lens, text, c.range, 'apiCall');
      checkRange(lens, text, c.headingRange, 'apiCall heading');
      for (const p of c.parameters) {
        if (typeof p.name !== 'string') throw new Error('parameter name');
        checkRange(lens, text, p.range, 'parameter');
        if (p.dynamicValue) {
          if (!Number.isInteger(p.dynamicValue.fromStep)) throw new Error('fromStep');
          if ((p.dynamicValue.value === undefined) === (p.dynamicValue.answer === undefined)) throw new Error('value xor answer');
        }
        if (p.enumLabels && !isStrArr(p.enumLabels)) throw new Error('enumLabels');
      }
    }
  });
  for (const d of r.diagnostics) checkDiagnostic(lens, d, r.steps.length);
  JSON.stringify(r);
}

/** The METADATA JSON and API Call JSON blocks of the seed, as [start, end) offsets of their text. */
function jsonBlocks(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const open = text.indexOf('<!--METADATA') + '<!--METADATA'.length;
  out.push([open, text.indexOf('-->')]);
  const re = /### API Call\n```json\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const start = m.index + m[0].length;
    out.push([start, text.indexOf('\n```', start) + 1]);
  }
  return out;
}

describe('fuzz: random mutations of the seed', () => {
  it('never throws and always returns a well-formed model (2000 mutations anywhere)', () => {
    const r = prng(20261125);
    let withErrors = 0;
    for (let i = 0; i < 2000; i++) {
      let text = seed;
      const n = 1 + r.int(3);
      for (let k = 0; k < n; k++) text = mutate(text, r);
      let recipe: Recipe;
      try {
        recipe = parseRecipe(text);
        checkModel(text, recipe);
      } catch (e) {
        throw new Error(`mutation #${i} (seed 20261125): ${(e as Error).message}\n--- input ---\n${text.slice(0, 2000)}`);
      }
      if (recipe.diagnostics.some((d) => d.severity === 'error')) withErrors++;
      expect(recipe.diagnostics.some((d) => d.rule === 'internal-error')).toBe(false);
    }
    // Most random damage is noticed (sanity check that the linter is not silent).
    expect(withErrors).toBeGreaterThan(700);
  });

  it('reports an error whenever a mutation makes a JSON block invalid (1000 more mutations, inside JSON blocks)', () => {
    const r = prng(7);
    const blocks = jsonBlocks(seed);
    let broken = 0;
    for (let i = 0; i < 1000; i++) {
      const [start, end] = r.pick(blocks)!;
      const inner = seed.slice(start, end);
      const mutated = mutate(inner, r);
      let valid = true;
      try {
        JSON.parse(mutated);
      } catch {
        valid = false;
      }
      const text = seed.slice(0, start) + mutated + seed.slice(end);
      const recipe = parseRecipe(text);
      checkModel(text, recipe);
      if (!valid) {
        broken++;
        const errors = recipe.diagnostics.filter((d) => d.severity === 'error');
        if (errors.length === 0) throw new Error(`mutation #${i}: invalid JSON but no error\n${mutated}`);
      }
    }
    expect(broken).toBeGreaterThan(500);
  });

  it('the section-by-section, block-only scan equals a full micromark scan of the whole text (150 mutations, tables and HTML too)', () => {
    const r = prng(99);
    const extras = [
      '| a | b |\n| - | - |\n| 1 | 2 |\n',
      '<div>\n',
      '<!-- note\n',
      '<script>\n',
      '> quote\n',
      '- item\n',
      '[^1]: note\n',
      '    indented\n',
      '```\n',
      'para\n',
    ];
    for (let i = 0; i < 150; i++) {
      let text = seed;
      if (r.int(2)) {
        const lines = text.split('\n');
        lines.splice(r.int(lines.length), 0, r.pick(extras)!.replace(/\n$/, ''));
        text = lines.join('\n');
      }
      text = mutate(text, r);
      // The reference: one scan of the whole text with micromark's complete postprocess.
      const whole = scanBlocks(text, true);
      const parts = scanBlocksIncremental(text, new LineIndex(text).starts);
      expect(parts, `mutation #${i}\n${text}`).toEqual(whole);
    }
  });

  it('survives pathological inputs', () => {
    const inputs = [
      '',
      '\n',
      '\r',
      '#',
      '# ',
      '##',
      '###',
      '```',
      '~~~',
      '<!--METADATA',
      '<!--METADATA-->',
      '<!--METADATA\n-->',
      '<!--METADATA\n{\n',
      '-->',
      '\u0000'.repeat(100),
      '{'.repeat(5000),
      '['.repeat(5000),
      '>'.repeat(2000) + ' # x',
      '- '.repeat(1000) + '## x',
      '# T\n## S\n### API Call\n```\n' + '['.repeat(3000) + '\n```\n',
      '# T\n## S\n### API Call\n```\n{"parameters":[{"name":"b","schema":' +
        '{"properties":{"a":'.repeat(300) +
        '{}' +
        '}}'.repeat(300) +
        '}]}\n```\n',
      '# T\n' +
        '## S\n### API Call\n```\n{"path":"/a","parameters":[{"name":"x","dynamicValue":{"fromStep":0,"value":"id"}}]}\n```\n'.repeat(200),
      '>'.repeat(50000) + ' # x\n# T\n',
      '- '.repeat(20000) + 'x\n',
      '1. '.repeat(20000) + 'x\n',
      '<div>\n'.repeat(5000),
      '```\n'.repeat(5000),
      '<!--METADATA\n{"x":' + '{"a":'.repeat(100000) + '1' + '}'.repeat(100000) + '}\n-->\n# T\n',
      '# T\n## S\n### API Call\n```\n' + '['.repeat(100000) + '\n```\n',
      '\ufeff<!--METADATA\n{"__proto__": {"polluted": 1}, "constructor": 1}\n-->\n# T\n## S\n### API Call\n```\n{"__proto__": {"x": 1}, "parameters": [{"name": "__proto__", "__proto__": 1}]}\n```\n',
    ];
    for (const text of inputs) {
      const recipe = parseRecipe(text);
      checkModel(text, recipe);
      expect(
        recipe.diagnostics.some((d) => d.rule === 'internal-error'),
        text.slice(0, 80),
      ).toBe(false);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
