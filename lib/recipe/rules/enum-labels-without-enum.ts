/** enum-labels-without-enum: enumLabels on an input that has no enum. */
import { call, steps } from './examples';
import { report, type RecipeRule } from './rule';
import { checkInputs } from './walk';

export const enumLabelsWithoutEnum: RecipeRule = {
  id: 'enum-labels-without-enum',
  severity: 'warning',
  doc: "`enumLabels` on an input that has no `enum`: the labels name the values of the input's dropdown, and without `enum` there is none, so they are not shown. Add the `enum` values they label, or remove `enumLabels`.",
  ok: [steps(call('{ "parameters": [{ "name": "mediaType", "enum": [1, 2], "enumLabels": ["Video", "Image"] }] }'))],
  notOk: [steps(call('{ "parameters": [{ "name": "mediaType", "enumLabels": ⟦["Video", "Image"]⟧ }] }'))],
  run: ({ recipe, locate }) =>
    checkInputs(recipe, (a, name, owner, step) =>
      !a.enumLabels || a.enum
        ? undefined
        : report(
            enumLabelsWithoutEnum,
            `"${name}" has enumLabels but no enum: add the "enum" values they label, or remove enumLabels.`,
            locate(owner, 'enumLabels') ?? owner.range,
            step.index,
          ),
    ),
};
