/** sample-language-missing: a Sample Code heading that names no language. */
import { section, steps } from './examples';
import type { RecipeRule } from './rule';

export const sampleLanguageMissing: RecipeRule = {
  id: 'sample-language-missing',
  severity: 'error',
  doc: 'A `### Sample Code` heading without a language in parentheses. The language comes from the heading (not from the fence), so the sample is not shown. Write it as `### Sample Code (python)`, with one of the Sample Code languages.',
  ok: [steps(section('Sample Code (python)', 'python', 'print("hello")'))],
  notOk: [steps(section('⟦Sample Code⟧', 'python', 'print("hello")'))],
};
