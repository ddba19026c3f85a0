/** unknown-property: a property narrowed in `schema` that its class does not have. */
import { nearest } from '../suggest';
import type { Diagnostic, SchemaNode } from '../types';
import { addEntry } from './examples';
import { fieldsByPath, formOf } from './forms';
import { report, type RecipeRule } from './rule';
import { walkRecipeInputs } from './walk';

export const unknownProperty: RecipeRule = {
  id: 'unknown-property',
  severity: 'warning',
  needsApi: true,
  doc: 'A property inside an object input\'s `schema.properties` that its class does not have (nor any class the input offers), by the API description. The console does not send it, so it is usually a misspelt name (the message suggests the nearest). A property that only feeds samples is fine: mark it `"custom": true`.',
  ok: [addEntry('{ "name": { "consoleDefault": "My video" }, "note": { "custom": true } }')],
  notOk: [addEntry('{ ⟦"nmae"⟧: { "consoleDefault": "My video" } }')],
  run({ recipe, api, locateIn }) {
    if (!api) return [];
    const out: Diagnostic[] = [];
    for (const step of recipe.steps) {
      const call = step.apiCall;
      if (!call?.path || !api.operation(call.path)) continue;
      const fields = fieldsByPath(formOf(recipe, api, step));
      walkRecipeInputs(step, (node, name, path) => {
        const props = node.properties;
        if (!props || !(node as SchemaNode).extra) return;
        const f = fields.get(path);
        if (!f || f.kind !== 'object' || f.custom) return;
        const classes = f.presetClass ? [f.presetClass] : f.subclasses?.length ? f.subclasses : f.className ? [f.className] : [];
        const known = new Set<string>(['objectType']);
        let described = false;
        for (const cls of classes) {
          if (!api.getClass(cls)) continue;
          described = true;
          for (const p of api.allProperties(cls)) known.add(p.name);
        }
        if (!described) return;
        for (const [k, prop] of Object.entries(props)) {
          if (known.has(k) || prop.custom) continue;
          const sug = nearest(k, [...known]);
          const at = locateIn(node as SchemaNode, ['properties', k], 'key') ?? prop.range;
          out.push(
            report(
              unknownProperty,
              `${classes[0]} has no property "${k}" (in "${name}")${sug ? `: did you mean "${sug}"?` : '.'} It is not sent by the console; fix the name, or mark it "custom": true if it only feeds samples.`,
              at,
              step.index,
            ),
          );
        }
      });
    }
    return out;
  },
};
