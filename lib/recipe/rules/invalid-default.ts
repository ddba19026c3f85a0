/** invalid-default: a default value the field cannot take, or a wrong objectType preset. */
import type { FormField } from '../../form/types';
import { nearest } from '../suggest';
import type { Diagnostic } from '../types';
import { addEntry, call, steps } from './examples';
import { NO_API, fieldsByPath, formOf } from './forms';
import { report, type RecipeRule } from './rule';
import { walkRecipeInputs } from './walk';

export const invalidDefault: RecipeRule = {
  id: 'invalid-default',
  severity: 'error',
  usesApi: true,
  doc: 'A `consoleDefault` or `default` that the field cannot take: not one of its choices, or not of its type (a word for a number, a list for text...), by the API description and by what the recipe declares (`type`, `enum`; without a description only these are checked). An `objectType` preset must name the declared class or one of its concrete subclasses. The form would start with a value the call rejects: fix the value (the message lists the choices).',
  ok: [
    steps(call('{ "parameters": [{ "name": "pageSize", "type": "integer", "consoleDefault": 10 }] }')),
    { recipe: addEntry('{ "mediaType": { "consoleDefault": 1 } }'), api: true },
  ],
  notOk: [
    steps(call('{ "parameters": [{ "name": "pageSize", "type": "integer", "consoleDefault": ⟦"ten"⟧ }] }')),
    { recipe: addEntry('{ "mediaType": { "consoleDefault": ⟦"VIDOE"⟧ } }'), api: true },
    { recipe: addEntry('{ "objectType": { "consoleDefault": ⟦"KalturaLiveStreamEntry"⟧ } }'), api: true },
  ],
  run(ctx) {
    const { recipe, locate } = ctx;
    const api = ctx.api ?? NO_API;
    const out: Diagnostic[] = [];
    for (const step of recipe.steps) {
      if (!step.apiCall) continue;
      const form = formOf(recipe, api, step);
      const fields = fieldsByPath(form);
      walkRecipeInputs(step, (node, name, path, owner) => {
        // objectType presets the class of its object.
        if (path.endsWith('.objectType') || path === 'objectType') {
          const preset = node.consoleDefault ?? node.default;
          if (typeof preset !== 'string' || !ctx.api) return;
          const objectField = fields.get(path.slice(0, -'.objectType'.length));
          const declared = objectField?.className;
          if (!declared || !ctx.api.getClass(declared)) return;
          const key = node.consoleDefault !== undefined ? 'consoleDefault' : 'default';
          const at = locate(owner, key) ?? owner.range;
          const cls = ctx.api.getClass(preset);
          const choices = ctx.api.concreteSubclasses(declared);
          if (!cls || !ctx.api.isSubclassOf(preset, declared)) {
            const sug = nearest(preset, choices);
            out.push(
              report(
                invalidDefault,
                `"${name}" presets the class "${preset}", which is not ${declared} or one of its subclasses${sug ? `: did you mean "${sug}"?` : choices.length ? ` (choose one of ${choices.slice(0, 10).join(', ')}${choices.length > 10 ? ', ...' : ''})` : ''}.`,
                at,
                step.index,
              ),
            );
          } else if (cls.abstract) {
            out.push(
              report(
                invalidDefault,
                `"${name}" presets "${preset}", an abstract class that the API cannot create: choose a concrete one (${choices.slice(0, 10).join(', ')}${choices.length > 10 ? ', ...' : ''}).`,
                at,
                step.index,
              ),
            );
          }
          return;
        }
        const f = fields.get(path);
        if (!f) return;
        // Without the operation's description a field is text only by default: check just what
        // the recipe itself declares (its enum or type).
        if (!form.known && node.enum === undefined && node.type === undefined) return;
        for (const key of ['consoleDefault', 'default'] as const) {
          const v = node[key];
          if (v === undefined) continue;
          const why = defaultProblem(f, v);
          if (!why) continue;
          out.push(
            report(
              invalidDefault,
              `The ${key} of "${name}" cannot be used: ${why}. The field takes ${kindWords[f.options?.length ? 'enum' : f.kind] ?? f.kind}${f.enumType ? ` (${f.enumType})` : ''}.`,
              locate(owner, key) ?? owner.range,
              step.index,
            ),
          );
        }
      });
    }
    return out;
  },
};

const INT = /^-?\d+$/;

/** Why `v` cannot be the value of `f`, or undefined when it can. */
function defaultProblem(f: FormField, v: unknown): string | undefined {
  if (v === null || f.dynamicEnum || f.fromSecrets) return undefined;
  if (f.options && f.options.length > 0) {
    if (f.options.some((o) => o.value === v || (typeof v !== 'object' && String(o.value) === String(v)))) return undefined;
    const shown = f.options
      .slice(0, 12)
      .map((o) => (o.label !== String(o.value) ? `${JSON.stringify(o.value)} (${o.label})` : JSON.stringify(o.value)));
    const byLabel =
      typeof v === 'string'
        ? f.options.find((o) => o.label.toLowerCase() === v.toLowerCase() || o.constant?.toLowerCase() === v.toLowerCase())
        : undefined;
    return `${JSON.stringify(v)} is not one of its choices${byLabel ? `: did you mean ${JSON.stringify(byLabel.value)} (${byLabel.label})?` : ` (${shown.join(', ')}${f.options.length > shown.length ? ', ...' : ''})`}`;
  }
  switch (f.kind) {
    case 'int':
      return (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && INT.test(v.trim()))
        ? undefined
        : `${JSON.stringify(v)} is not a whole number`;
    case 'float':
      return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))
        ? undefined
        : `${JSON.stringify(v)} is not a number`;
    case 'bool':
      return typeof v === 'boolean' || v === 0 || v === 1 || v === 'true' || v === 'false' || v === '0' || v === '1'
        ? undefined
        : `${JSON.stringify(v)} is not true or false`;
    case 'string':
      return typeof v === 'string' || typeof v === 'number' ? undefined : `${JSON.stringify(v)} is not text`;
    case 'object':
      return typeof v === 'object' && !Array.isArray(v) ? undefined : `${JSON.stringify(v)} is not an object`;
    case 'array':
      return Array.isArray(v) ? undefined : `${JSON.stringify(v)} is not a list`;
    default:
      return undefined;
  }
}

const kindWords: Record<string, string> = {
  int: 'a whole number',
  float: 'a number',
  bool: 'true or false',
  string: 'text',
  object: 'an object',
  array: 'a list',
  enum: 'one of its choices',
  file: 'a file',
  json: 'JSON',
};
