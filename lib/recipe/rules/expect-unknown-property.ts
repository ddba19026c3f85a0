/** expect-unknown-property: an `expect` path the operation's result does not have. */
import type { ApiDescription, TypeRef } from '../../description/types';
import { nearest } from '../suggest';
import type { Diagnostic } from '../types';
import { call, steps } from './examples';
import { report, type RecipeRule } from './rule';

export const expectUnknownProperty: RecipeRule = {
  id: 'expect-unknown-property',
  severity: 'warning',
  needsApi: true,
  doc: "An `expect` path that leaves the type of the operation's result, as the API description tells it (a property no subclass of the result has, or any path into an operation that returns nothing). Such an expectation can never hold. The message suggests the nearest property.",
  ok: [steps(call('{ "path": "/service/media/action/list", "expect": { "objects.0.name": { "exists": true } } }'))],
  notOk: [steps(call('{ "path": "/service/media/action/list", "expect": { ⟦"objects.0.nmae"⟧: { "exists": true } } }'))],
  run({ recipe, api }) {
    const out: Diagnostic[] = [];
    for (const step of recipe.steps) {
      const call = step.apiCall;
      const expect = call?.expect;
      const op = api && call?.path && expect?.length ? api.operation(call.path) : undefined;
      if (!api || !op || !expect) continue;
      for (const x of expect) {
        if (!op.result) {
          if (x.segments.length > 0) {
            out.push(
              report(
                expectUnknownProperty,
                `${op.service}.${op.action} answers no result (null), so "${x.path}" is never there: remove it, or expect "$" to be null.`,
                x.range,
                step.index,
              ),
            );
          }
          continue;
        }
        const w = walkType(api, op.result, x.segments);
        if (w.missing) {
          const { at, segment: seg, className, names } = w.missing;
          const sug = nearest(seg, names);
          const where =
            at === 0
              ? `${op.service}.${op.action} answers a ${className}, which`
              : `"${x.segments.slice(0, at).join('.')}" is a ${className}, which`;
          out.push(
            report(
              expectUnknownProperty,
              `${where} has no property "${seg}"${sug ? `: did you mean "${sug}"?` : '.'} Check the path of "${x.path}" in "expect".`,
              x.range,
              step.index,
            ),
          );
        }
      }
    }
    return out;
  },
};

/** The type at a path inside a result type, or why the path leaves it. */
function walkType(
  api: ApiDescription,
  type: TypeRef,
  segments: string[],
): { missing?: { at: number; segment: string; className: string; names: string[] } } {
  let t: TypeRef | undefined = type;
  for (const [i, s] of segments.entries()) {
    if (!t) return {};
    if (t.kind === 'array') {
      if (!/^\d+$/.test(s)) return {};
      t = api.getClass(t.itemClass) ? { kind: 'object', className: t.itemClass } : undefined;
      continue;
    }
    if (t.kind !== 'object') return {};
    const cls = t.className;
    if (!api.getClass(cls)) return {};
    // The answer may be any subclass: a property of one of them counts.
    const classes = [cls, ...api.concreteSubclasses(cls)];
    let found: TypeRef | undefined;
    const names = new Set<string>(['objectType']);
    for (const c of classes) {
      for (const p of api.allProperties(c)) {
        names.add(p.name);
        if (p.name === s && !found) found = p.type;
      }
    }
    if (s === 'objectType') return {};
    if (!found) return { missing: { at: i, segment: s, className: cls, names: [...names] } };
    t = found;
  }
  return {};
}
