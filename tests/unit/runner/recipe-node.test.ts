/** recipeNodeAt: which parameter or schema property of a recipe a form path names (for error lines). */
import { describe, expect, it } from 'vitest';
import { parseRecipe } from '@/lib/recipe';
import { recipeNodeAt } from '@/lib/runner/run-recipe';

const recipe = parseRecipe(
  '# T\n\n## S\n\n### API Call\n```json\n' +
    JSON.stringify(
      {
        method: 'post',
        path: '/service/media/action/add',
        parameters: [{ name: 'body', in: 'body', schema: { properties: { entry: { properties: { name: { example: 'x' } } } } } }],
      },
      null,
      2,
    ) +
    '\n```\n',
);
const step = recipe.steps[0]!;

describe('recipeNodeAt', () => {
  it('finds a body property and a nested one', () => {
    expect(recipeNodeAt(step, 'body.entry')).toBeDefined();
    const name = recipeNodeAt(step, 'body.entry.name');
    expect(name).toBeDefined();
    expect(name).not.toBe(recipeNodeAt(step, 'body.entry'));
  });

  it('never takes a property Object inherits for a schema property', () => {
    expect(recipeNodeAt(step, 'body.toString')).toBeUndefined();
    expect(recipeNodeAt(step, 'body.constructor')).toBeUndefined();
    expect(recipeNodeAt(step, 'body.__proto__')).toBeUndefined();
    // a nested inherited name stops at the last real node
    expect(recipeNodeAt(step, 'body.entry.toString')).toBe(recipeNodeAt(step, 'body.entry'));
  });

  it('names nothing for `body` alone', () => {
    expect(recipeNodeAt(step, 'body')).toBeUndefined();
  });
});
