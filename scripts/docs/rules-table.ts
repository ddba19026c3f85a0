/**
 * The table of lint rules in docs/authoring.md, made from the registry (lib/recipe/rules): one row
 * per rule with its id, severity, what it is checked against and its doc. `npm run docs:rules`
 * writes it between the two markers; tests/unit/recipe/rules-doc.test.ts fails when it is stale.
 */
import type { RuleDoc } from '../../lib/recipe';

export const BEGIN = '<!-- rules:begin (generated from lib/recipe/rules by `npm run docs:rules`: edit the rules, not this table) -->';
export const END = '<!-- rules:end -->';

/** The severities a rule reports as: its own, and any an example shows. */
function severities(rule: RuleDoc): string {
  const all = new Set([rule.severity, ...rule.notOk.flatMap((e) => (typeof e === 'string' || !e.severity ? [] : [e.severity]))]);
  return [...all].join(' or ');
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

export function rulesTable(rules: readonly RuleDoc[]): string {
  const rows = rules.map(
    (r) =>
      `| \`${r.id}\` | ${severities(r)} | ${r.needsApi ? 'the API description' : r.usesApi ? 'the recipe, and the API description when given' : 'the recipe'} | ${cell(r.doc)} |`,
  );
  return ['| rule | severity | checks | what it reports |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** `markdown` with the text between the markers replaced by `table`. */
export function withRulesTable(markdown: string, table: string): string {
  const begin = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END, begin);
  if (begin < 0 || end < 0) throw new Error(`the markers are missing: put the lines\n${BEGIN}\n${END}\nwhere the table goes.`);
  return `${markdown.slice(0, begin + BEGIN.length)}\n${table}\n${markdown.slice(end)}`;
}
