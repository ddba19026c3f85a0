/**
 * Every rule of the lint registry (lib/recipe/rules) against its own examples, remark-lint style:
 * an ok example lints clean, and a not-ok example reports that rule at exactly the spans marked
 * ⟦ ⟧ in it, with the rule's severity, and nothing else. Also what every entry must have: a
 * one-paragraph doc, examples of both kinds, and a file of its own named by its id.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { parseRecipe, RULES, type Diagnostic, type Example, type RecipeRule, type RuleExample } from '@/lib/recipe';
import { LineIndex } from '@/lib/recipe/lines';

const api = getKalturaDescription();
const RULES_DIR = join(import.meta.dirname, '../../../lib/recipe/rules');

const options = (e: Example): RuleExample => (typeof e === 'string' ? { recipe: e } : e);

/** The recipe without its ⟦ ⟧ marks, and the marked spans as offsets into it. */
function unmark(marked: string): { text: string; spans: Array<[number, number]> } {
  let text = '';
  const open: number[] = [];
  const spans: Array<[number, number]> = [];
  for (const ch of marked) {
    if (ch === '⟦') open.push(text.length);
    else if (ch === '⟧') spans.push([open.pop() ?? 0, text.length]);
    else text += ch;
  }
  spans.sort((a, b) => a[0] - b[0]);
  return { text, spans };
}

const at = (d: Pick<Diagnostic, 'line' | 'column' | 'endLine' | 'endColumn'>) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`;
const show = (d: Diagnostic) => `${d.rule} ${d.severity} ${at(d)}`;

function lint(rule: RecipeRule, e: RuleExample, text: string): Diagnostic[] {
  return parseRecipe(text, { ...(rule.needsApi || e.api ? { api } : {}), ...(e.rules ? { rules: e.rules } : {}) }).diagnostics;
}

/** The text with what was reported marked, for failure messages. */
function shown(text: string, ds: Diagnostic[]): string {
  return `${text}\n---\n${ds.map((d) => `${show(d)}: ${d.message}`).join('\n')}`;
}

describe.each(RULES.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('has a one-paragraph doc and ok and not-ok examples', () => {
    expect(rule.doc.length).toBeGreaterThan(80);
    expect(rule.doc).not.toMatch(/\n/);
    expect(rule.doc).toMatch(/[.)]$/);
    expect(rule.ok.length).toBeGreaterThan(0);
    expect(rule.notOk.length).toBeGreaterThan(0);
  });

  it.each(rule.ok.map((e, i) => [i + 1, options(e)] as const))('ok example %i lints clean', (_i, e) => {
    expect(e.recipe).not.toMatch(/[⟦⟧]/);
    const ds = lint(rule, e, e.recipe);
    expect(ds.map(show), shown(e.recipe, ds)).toEqual([]);
  });

  it.each(rule.notOk.map((e, i) => [i + 1, options(e)] as const))(
    'not-ok example %i reports it at the marked spans, and nothing else',
    (_i, e) => {
      const { text, spans } = unmark(e.recipe);
      expect(spans.length).toBeGreaterThan(0);
      const lines = new LineIndex(text);
      const want = spans.map(
        ([s, end]) =>
          `${rule.id} ${e.severity ?? rule.severity} ${at({ ...pos(lines, s, 'line', 'column'), ...pos(lines, end, 'endLine', 'endColumn') })}`,
      );
      const ds = lint(rule, e, text);
      expect(ds.map(show), shown(text, ds)).toEqual(want);
    },
  );
});

function pos<L extends string, C extends string>(lines: LineIndex, offset: number, l: L, c: C): Record<L | C, number> {
  const p = lines.position(offset);
  return { [l]: p.line, [c]: p.column } as Record<L | C, number>;
}

describe('the registry', () => {
  it('has unique, kebab-case ids, and severities', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning']).toContain(r.severity);
    }
  });

  it('has one file per rule, named by its id, and every rule file is registered', () => {
    const declaring = readdirSync(RULES_DIR)
      .filter((f) => f.endsWith('.ts') && /: RecipeRule = \{/.test(readFileSync(join(RULES_DIR, f), 'utf8')))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(declaring).toEqual(RULES.map((r) => r.id).sort());
    for (const r of RULES) expect(readFileSync(join(RULES_DIR, `${r.id}.ts`), 'utf8')).toContain(`id: '${r.id}',`);
  });

  it('runs a rule that needs an API description only when one is given', () => {
    for (const r of RULES.filter((x) => x.needsApi)) {
      for (const e of r.notOk.map(options)) {
        const { text } = unmark(e.recipe);
        expect(
          parseRecipe(text).diagnostics.filter((d) => d.rule === r.id),
          r.id,
        ).toEqual([]);
      }
    }
  });
});
