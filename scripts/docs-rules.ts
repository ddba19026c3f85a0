/**
 * `npm run docs:rules` writes the table of lint rules into docs/authoring.md (between its markers)
 * from the registry in lib/recipe/rules; `-- --check` only says whether it is up to date (exit 1
 * when not).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES } from '../lib/recipe';
import { rulesTable, withRulesTable } from './docs/rules-table';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'authoring.md');
const check = process.argv.includes('--check');
const before = readFileSync(file, 'utf8');
let after: string;
try {
  after = withRulesTable(before, rulesTable(RULES));
} catch (e) {
  console.error(`error: docs/authoring.md: ${(e as Error).message}`);
  process.exit(2);
}
if (after === before) {
  console.log(`docs/authoring.md: the rules table is up to date (${RULES.length} rules).`);
} else if (check) {
  console.error('docs/authoring.md: the rules table is out of date: run npm run docs:rules.');
  process.exit(1);
} else {
  writeFileSync(file, after);
  console.log(`docs/authoring.md: wrote the rules table (${RULES.length} rules).`);
}
