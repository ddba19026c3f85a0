/** sample-not-generated: `auto` asked of a language that is only ever hand-written. */
import { section, steps } from './examples';
import type { RecipeRule } from './rule';

export const sampleNotGenerated: RecipeRule = {
  id: 'sample-not-generated',
  severity: 'error',
  doc: 'A Sample Code block asks for generated code (its body is `auto`, or empty) in html, javascript or typescript, which the console never generates, so the step has no such sample. Write the sample by hand in the block, or use a language that is generated.',
  ok: [steps(section('Sample Code (javascript)', 'js', 'console.log("hello");'))],
  notOk: [steps(`### Sample Code (html)\n⟦\`\`\`html\nauto\n\`\`\`⟧`)],
};
