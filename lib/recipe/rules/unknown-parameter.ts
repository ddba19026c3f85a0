/** unknown-parameter: an input the operation does not take. */
import type { Operation } from '../../description/types';
import { nearest } from '../suggest';
import type { Diagnostic, Range } from '../types';
import { call, steps } from './examples';
import { report, type RecipeRule } from './rule';

/** Parameters every Kaltura call accepts, not listed per operation. */
const COMMON_PARAMETERS = new Set(['ks', 'format', 'partnerId', 'clientTag', 'apiVersion']);

export const unknownParameter: RecipeRule = {
  id: 'unknown-parameter',
  severity: 'warning',
  needsApi: true,
  doc: 'An input that the operation does not take (a parameter, or a property of the request body), by the API description. The console does not send it, so it is usually a misspelt name (the message suggests the nearest). An input that only feeds samples or later steps is fine: mark it `"custom": true`.',
  ok: [steps(call('{ "path": "/service/media/action/get", "parameters": [{ "name": "entryId" }, { "name": "note", "custom": true }] }'))],
  notOk: [steps(call('{ "path": "/service/media/action/get", "parameters": [{ "name": ⟦"entryID"⟧ }] }'))],
  run({ recipe, api, locate, locateIn }) {
    if (!api) return [];
    const out: Diagnostic[] = [];
    for (const step of recipe.steps) {
      const call = step.apiCall;
      const op = call?.path ? api.operation(call.path) : undefined;
      if (!call || !op) continue;
      const check = (name: string, at: Range | undefined) => {
        if (COMMON_PARAMETERS.has(name) || op.params.some((p) => p.name === name)) return;
        out.push(report(unknownParameter, unknownParamMessage(op, name), at, step.index));
      };
      for (const p of call.parameters) {
        if (p.custom) continue;
        if (p.name === 'body' && (p.in === 'body' || p.in === undefined) && !op.params.some((x) => x.name === 'body')) {
          const schema = p.schema;
          const props = schema?.properties;
          if (!schema || !props) continue;
          for (const [k, prop] of Object.entries(props)) {
            if (prop.custom) continue;
            check(k, locateIn(schema, ['properties', k], 'key') ?? prop.range);
          }
          continue;
        }
        check(p.name, locate(p, 'name') ?? p.range);
      }
    }
    return out;
  },
};

function unknownParamMessage(op: Operation, name: string): string {
  const names = op.params.map((p) => p.name);
  const sug = nearest(name, names);
  const list = names.length ? `its parameters are ${names.join(', ')}` : 'it takes no parameters';
  return `${op.service}.${op.action} has no parameter "${name}"${sug ? `: did you mean "${sug}"?` : ` (${list})`}${sug ? '' : '.'} It is not sent by the console; fix the name, or mark the input "custom": true if it only feeds samples or later steps.`;
}
