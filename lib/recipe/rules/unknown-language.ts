/** unknown-language: a Sample Code language the console does not know. */
import { EXTRA_SAMPLE_LANGUAGES, PORTAL_LANGUAGES } from '../types';
import { section, steps } from './examples';
import type { RecipeRule } from './rule';

export const unknownLanguage: RecipeRule = {
  id: 'unknown-language',
  severity: 'error',
  doc:
    'A `### Sample Code (...)` language the console does not know (it generates ' +
    PORTAL_LANGUAGES.join(', ') +
    ', and shows hand-written ' +
    EXTRA_SAMPLE_LANGUAGES.join(', ') +
    '). The sample is not shown until the language is one of them; the message suggests the nearest.',
  ok: [steps(section('Sample Code (python)', 'python', 'print("hello")'))],
  notOk: [steps(section('⟦Sample Code (pyton)⟧', 'python', 'print("hello")'))],
};
