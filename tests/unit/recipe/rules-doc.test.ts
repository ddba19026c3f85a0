/**
 * docs/authoring.md's table of lint rules is the one the registry makes (`npm run docs:rules`),
 * and it reads as a table: one row per rule, whose doc reads as in the rule's file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { RULES } from '@/lib/recipe';
import { BEGIN, END, rulesTable, withRulesTable } from '../../../scripts/docs/rules-table';

const doc = readFileSync(join(import.meta.dirname, '../../../docs/authoring.md'), 'utf8');

interface Node {
  type: string;
  value?: string;
  children?: Node[];
}
const parse = (md: string) => fromMarkdown(md, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as Node;
const text = (n: Node): string => n.value ?? (n.children ?? []).map(text).join('');

describe('the rules table of docs/authoring.md', () => {
  it('is up to date with lib/recipe/rules (else: npm run docs:rules)', () => {
    expect(doc.includes(BEGIN) && doc.includes(END)).toBe(true);
    expect(withRulesTable(doc, rulesTable(RULES)) === doc, "docs/authoring.md's rules table is out of date: run npm run docs:rules").toBe(
      true,
    );
  });

  it("has a row per rule: its id in code, and its doc as the rule's file writes it", () => {
    const table = parse(rulesTable(RULES)).children?.[0];
    expect(table?.type).toBe('table');
    const rows = table!.children!.slice(1);
    expect(rows).toHaveLength(RULES.length);
    rows.forEach((row, i) => {
      const cells = row.children!;
      expect(cells).toHaveLength(4);
      expect(cells[0]!.children).toEqual([expect.objectContaining({ type: 'inlineCode', value: RULES[i]!.id })]);
      expect(text(cells[3]!)).toBe(text(parse(RULES[i]!.doc)));
    });
  });

  it('is written between the markers only, and asks for them when they are missing', () => {
    const md = `# A\n\n${BEGIN}\nold\n${END}\n\nafter\n`;
    expect(withRulesTable(md, '| t |')).toBe(`# A\n\n${BEGIN}\n| t |\n${END}\n\nafter\n`);
    expect(() => withRulesTable('# A\n', '| t |')).toThrow(/markers are missing/);
  });
});
