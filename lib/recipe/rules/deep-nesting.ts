/** deep-nesting: a line nested too deeply to be read as markdown. */
import { steps } from './examples';
import type { RecipeRule } from './rule';

export const deepNesting: RecipeRule = {
  id: 'deep-nesting',
  severity: 'warning',
  doc: 'A line opens more than 64 block quotes or list items. Only the first 64 levels are read as markdown and the rest of the line as plain text, because deeper nesting would make reading the file very slow. No recipe needs it: flatten the line.',
  ok: [steps('> > > A quote in a quote in a quote.')],
  notOk: [steps(`⟦${'> '.repeat(65)}Too deep.⟧`)],
};
