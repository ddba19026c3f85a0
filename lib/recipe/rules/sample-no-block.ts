/** sample-no-block: a Sample Code heading without its code block. */
import { section, steps } from './examples';
import type { RecipeRule } from './rule';

export const sampleNoBlock: RecipeRule = {
  id: 'sample-no-block',
  severity: 'warning',
  doc: 'A `### Sample Code (...)` heading with no code block under it. The language is offered with generated code, as if the block held `auto`; say so with a block holding `auto`, or write the sample by hand in one.',
  ok: [steps(section('Sample Code (python)', 'python', 'auto'))],
  notOk: [steps('⟦### Sample Code (python)⟧', 'Text.')],
};
