/** unknown-language: a Sample Code language the console does not know. */
import { section, steps } from './examples';
import type { RecipeRule } from './rule';

export const unknownLanguage: RecipeRule = {
  id: 'unknown-language', severity: 'error',
  doc: 'A `### Sample Code (...)` language the console does not know (it generates ajax, angular, csharp, curl, java, node, php, php53, python, ruby and swift, and shows hand-written html, javascript and typescript). The sample is not shown until the language is one of them; the message suggests the nearest.',
  ok: [steps(section('Sample Code (python)', 'python', 'print("hello")'))],
  notOk: [steps(section('⟦Sample Code (pyton)⟧', 'python', 'print("hello")'))],
};
