/** from-step-path: a dynamicValue path the earlier step's response or inputs do not have. */
import type { ApiDescription, TypeRef } from '../../description/types';
import type { FormModel } from '../../form/types';
import { nearest } from '../suggest';
import type { Diagnostic, DynamicValue, Recipe, Step } from '../types';
import { LIST, call, getWith, steps } from './examples';
import { fieldsByPath, formOf } from './forms';
import { report, type RecipeRule } from './rule';
import { forEachDynamic } from './walk';

export const fromStepPath: RecipeRule = {
  id: 'from-step-path',
  severity: 'error',
  needsApi: true,
  doc: 'A `dynamicValue` path that the earlier step does not have: a `value` path its operation\'s response does not contain (by the API description), or an `answer` path that is none of the inputs of its form. The input would get no value when the steps run. Fix the path (segments split on ".", numbers pick list items: `objects.0.id`); when another earlier step has it, the message names that step.',
  ok: [
    steps(LIST, getWith('{ "fromStep": 0, "value": "objects.0.id" }')),
    steps(
      call(
        '{ "path": "/service/media/action/list", "parameters": [{ "name": "pager", "schema": { "properties": { "pageSize": { "consoleDefault": 5 } } } }] }',
      ),
      getWith('{ "fromStep": 0, "answer": "pager.pageSize" }'),
    ),
  ],
  notOk: [
    steps(LIST, getWith('{ "fromStep": 0, "value": ⟦"objects.0.identifier"⟧ }')),
    steps(LIST, getWith('{ "fromStep": 0, "answer": ⟦"entryId"⟧ }')),
  ],
  run(ctx) {
    const { recipe, api, locate } = ctx;
    if (!api) return [];
    const out: Diagnostic[] = [];
    for (const step of recipe.steps) {
      if (!step.apiCall) continue;
      forEachDynamic(step, (dv, name) => {
        const f = dv.fromStep;
        const src = recipe.steps[f];
        // Pointing at a later step, itself, or a step with no call is for the other from-step rules.
        if (f >= step.index || !src?.apiCall?.path) return;
        const problem = pathProblem(api, recipe, src, dv);
        if (!problem) return;
        const other = recipe.steps.slice(0, step.index).find((s) => s.index !== f && s.apiCall?.path && !pathProblem(api, recipe, s, dv));
        const fix = other
          ? ` Did you mean fromStep ${other.index} (step ${other.index + 1}${other.title ? `, "${other.title}"` : ''}), which has it?`
          : dv.value !== undefined
            ? ' Fix the path (segments split on ".", numbers index lists: objects.0.id).'
            : ' Fix the path (inputs are named as in that step\'s API Call; body properties start with "body.").';
        const at = locate(dv, dv.value !== undefined ? 'value' : 'answer') ?? dv.range;
        out.push(report(fromStepPath, `"${name}" reads ${problem}.${fix}`, at, step.index));
      });
    }
    return out;
  },
};

/** What is wrong with reading `dv` from step `src`, or undefined when it resolves. */
function pathProblem(api: ApiDescription, recipe: Recipe, src: Step, dv: DynamicValue): string | undefined {
  const op = src.apiCall?.path ? api.operation(src.apiCall.path) : undefined;
  if (!op) return undefined; // unknown-path reports the operation itself
  const shown = `step ${src.index + 1} (fromStep ${src.index})`;
  if (dv.value !== undefined) {
    if (dv.value === '') return undefined;
    const r = checkTypePath(api, op.result, dv.value.split('.'));
    if (r.ok) return undefined;
    return `"${dv.value}" from the response of ${shown}, but ${describeFailure(dv.value, r, `the ${op.service}.${op.action} response`)}`;
  }
  const answer = dv.answer ?? '';
  if (answer === '') return undefined;
  const r = checkInputPath(api, formOf(recipe, api, src), answer);
  if (r.ok) return undefined;
  return `the input "${answer}" of ${shown}, but ${describeFailure(answer, r, 'its inputs')}`;
}

type PathCheck = { ok: true } | { ok: false; at: number; options: string[]; why?: string };

/** Property names of a class and of every concrete subclass (a response may be any of them). */
function propertyNames(api: ApiDescription, className: string): Map<string, TypeRef> | undefined {
  if (!api.getClass(className)) return undefined;
  const out = new Map<string, TypeRef>();
  for (const cls of [className, ...api.concreteSubclasses(className)]) {
    for (const p of api.allProperties(cls)) if (!out.has(p.name)) out.set(p.name, p.type);
  }
  if (!out.has('objectType')) out.set('objectType', { kind: 'string' });
  return out;
}

function itemType(api: ApiDescription, itemClass: string): TypeRef {
  if (api.getClass(itemClass)) return { kind: 'object', className: itemClass };
  if (api.getEnum(itemClass)) return { kind: 'enum', name: itemClass };
  switch (itemClass) {
    case 'int':
    case 'float':
    case 'bool':
    case 'string':
      return { kind: itemClass };
    default:
      return { kind: 'string' };
  }
}

/** Whether `segs` lead somewhere inside a value of `type` (lenient where the description is silent). */
function checkTypePath(api: ApiDescription, type: TypeRef | undefined, segs: string[]): PathCheck {
  let t = type;
  for (const [i, seg] of segs.entries()) {
    if (!t) return { ok: false, at: i, options: [], why: 'the operation returns nothing' };
    switch (t.kind) {
      case 'object': {
        const props = propertyNames(api, t.className);
        if (!props) return { ok: true }; // a class the description does not describe
        const next = props.get(seg);
        if (!next) return { ok: false, at: i, options: [...props.keys()] };
        t = next;
        break;
      }
      case 'array':
        if (!/^\d+$/.test(seg)) return { ok: false, at: i, options: [], why: 'it is a list: use a number to pick an item, e.g. 0' };
        t = itemType(api, t.itemClass);
        break;
      case 'map':
        t = itemType(api, t.itemClass);
        break;
      default:
        return { ok: false, at: i, options: [], why: `it is a ${t.kind === 'enum' ? 'value' : t.kind}, with nothing inside` };
    }
  }
  return { ok: true };
}

/** Whether `path` names an input of the form (or something inside an object or JSON input). */
function checkInputPath(api: ApiDescription, form: FormModel, path: string): PathCheck {
  const segs = path.split('.');
  const byPath = fieldsByPath(form);
  // The longest field path that is a prefix of `path`.
  for (let n = segs.length; n > 0; n--) {
    const f = byPath.get(segs.slice(0, n).join('.'));
    if (!f) continue;
    if (n === segs.length) return { ok: true };
    const rest = segs.slice(n);
    if (f.kind === 'json' || f.kind === 'string')
      return f.kind === 'json' ? { ok: true } : { ok: false, at: n, options: [], why: `"${f.path}" is a single value` };
    if (f.kind === 'array')
      return /^\d+$/.test(rest[0] ?? '')
        ? { ok: true }
        : { ok: false, at: n, options: [], why: 'it is a list: use a number to pick an item, e.g. 0' };
    if (f.kind === 'object') {
      const classes = f.subclasses?.length ? f.subclasses : f.className ? [f.className] : [];
      const [first] = classes;
      if (first === undefined) return { ok: true }; // a free-form object
      for (const cls of classes) {
        if (checkTypePath(api, { kind: 'object', className: cls }, rest).ok) return { ok: true };
      }
      const r = checkTypePath(api, { kind: 'object', className: first }, rest);
      return r.ok ? r : { ...r, at: r.at + n };
    }
    return { ok: false, at: n, options: [], why: `"${f.path}" is a single value` };
  }
  // The body as a whole, or an object holding inputs (`body`, `body.entry`).
  if ([...byPath.keys()].some((p) => p.startsWith(path + '.'))) return { ok: true };
  const tops = form.fields.map((f) => f.path);
  return { ok: false, at: 0, options: tops };
}

function describeFailure(path: string, r: Extract<PathCheck, { ok: false }>, what: string): string {
  const segs = path.split('.');
  const good = segs.slice(0, r.at).join('.');
  const bad = segs[r.at] ?? '';
  if (r.why) return `${good ? `"${good}" in ${what}` : what} has no "${bad}": ${r.why}`;
  const sug = nearest(bad, r.options);
  const shown = r.options.filter((o) => o !== 'objectType').slice(0, 12);
  const list = shown.length ? ` (it has ${shown.join(', ')}${r.options.length > shown.length + 1 ? ', ...' : ''})` : '';
  return `${good ? `"${good}" in ${what}` : what} has no "${bad}"${sug ? `: did you mean "${[...segs.slice(0, r.at), sug].join('.')}"?` : list}`;
}
