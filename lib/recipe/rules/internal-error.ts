/** internal-error: the console failed on this input; reported instead of a crash. */
import type { RecipeRule } from './rule';

export const internalError: RecipeRule = {
  id: 'internal-error',
  severity: 'error',
  doc: 'The console failed while reading the recipe or running a check on it: a bug in the console, not in the recipe, reported instead of a crash. Everything else is still read and checked (a METADATA or API Call block that failed is left out; the failing check reports nothing more). Report it with the file; meanwhile, look at the recent changes around the line it names.',
  ok: [{ recipe: '# Example', rules: [{ id: 'checks-nothing', run: () => [] }] }],
  notOk: [
    {
      recipe: '⟦#⟧ Example',
      rules: [
        {
          id: 'always-fails',
          run: () => {
            throw new Error("a caller's rule that fails");
          },
        },
      ],
    },
  ],
};
