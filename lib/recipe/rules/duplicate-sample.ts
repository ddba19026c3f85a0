/** duplicate-sample: a second Sample Code block of the same language in one step. */
import { section, steps } from './examples';
import type { RecipeRule } from './rule';

export const duplicateSample: RecipeRule = {
  id: 'duplicate-sample',
  severity: 'warning',
  doc: 'A second `### Sample Code (...)` of the same language in one step. Only the first one is shown. Remove one of them.',
  ok: [steps(`${section('Sample Code (python)', 'python', 'print(1)')}\n\n${section('Sample Code (ruby)', 'ruby', 'puts 1')}`)],
  notOk: [steps(`${section('Sample Code (python)', 'python', 'print(1)')}\n\n${section('⟦Sample Code (python)⟧', 'python', 'print(2)')}`)],
};
