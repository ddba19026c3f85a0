/** enum-labels-length: not one enumLabel per enum value. */
import { call, steps } from './examples';
import { report, type RecipeRule } from './rule';
import { checkInputs } from './walk';

export const enumLabelsLength: RecipeRule = {
  id: 'enum-labels-length',
  severity: 'error',
  doc: '`enumLabels` and `enum` of different lengths: each label names the value at the same place in `enum`, so with one too many or too few the dropdown would show wrong names. Give exactly one label per value, in the same order.',
  ok: [steps(call('{ "parameters": [{ "name": "mediaType", "enum": [1, 2], "enumLabels": ["Video", "Image"] }] }'))],
  notOk: [steps(call('{ "parameters": [{ "name": "mediaType", "enum": [1, 2, 5], "enumLabels": ⟦["Video", "Image"]⟧ }] }'))],
  run: ({ recipe, locate }) =>
    checkInputs(recipe, (a, name, owner, step) =>
      !a.enumLabels || !a.enum || a.enumLabels.length === a.enum.length
        ? undefined
        : report(
            enumLabelsLength,
            `"${name}" has ${a.enumLabels.length} enumLabels for ${a.enum.length} enum values: give exactly one label per value, in the same order.`,
            locate(owner, 'enumLabels') ?? owner.range,
            step.index,
          ),
    ),
};
