/** unclosed-fence: a fenced code block that is never closed. */
import { steps } from './examples';
import type { RecipeRule } from './rule';

export const unclosedFence: RecipeRule = {
  id: 'unclosed-fence',
  severity: 'error',
  doc: 'A fenced code block (`` ``` ``) that is never closed, so everything after it to the end of the file is read as its code. An error when that swallows headings (the steps and sections after it disappear); a warning when it only runs to the end of the file. Add a closing `` ``` `` line after the code.',
  ok: [steps('Run:\n\n```bash\nls\n```', 'Text.')],
  notOk: [steps('Run:\n\n⟦```bash⟧\nls', 'Text.'), { recipe: steps('Run:\n\n⟦```bash⟧\nls'), severity: 'warning' }],
};
