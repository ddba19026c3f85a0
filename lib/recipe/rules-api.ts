/**
 * Lint rules that need to know what the operations take and return. They see the recipe as the
 * page does: each step's form is built by the same merge (`buildForm`) the step runner uses, so
 * a rule never disagrees with what the page will show.
 *
 * - `from-step-path`: a dynamicValue reads a response path the source operation does not return,
 *   or an input the source step does not have;
 * - `invalid-default`: a consoleDefault/default that the field's type or enum cannot take, or an
 *   `objectType` preset that is not a concrete class of the declared one;
 * - `unknown-property`: a property narrowed in `schema` that the class does not have.
 */
import type { ApiDescription, TypeRef } from '../api/types';
import { buildForm, walkFields } from '../form/build';
import type { FormField, FormModel } from '../form/types';
import { diagnostic, type LintContext, type LintRule } from './rules';
import { nearest } from './suggest';
import type { Annotations, Diagnostic, DynamicValue, Parameter, Range, Recipe, SchemaNode, Step } from './types';

/** Forms by step, built once per lint run (the rules below share them). */
const formCache = new WeakMap<Recipe, { api: ApiDescription; forms: Map<number, FormModel> }>();

export function formOf(recipe: Recipe, api: ApiDescription, step: Step): FormModel {
  let entry = formCache.get(recipe);
  if (!entry || entry.api !== api) {
    entry = { api, forms: new Map() };
    formCache.set(recipe, entry);
  }
  let form = entry.forms.get(step.index);
  if (!form) {
    form = buildForm(step, api);
    entry.forms.set(step.index, form);
  }
  return form;
}

/** Every field by path (an object's fields for each of its classes; the first definition wins). */
function fieldsByPath(form: FormModel): Map<string, FormField> {
  const m = new Map<string, FormField>();
  walkFields(form.fields, (f) => {
    if (!m.has(f.path)) m.set(f.path, f);
  });
  return m;
}

// ------------------------------------------------------------------ response and input paths

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
    case 'int': case 'float': case 'bool': case 'string':
      return { kind: itemClass };
    default:
      return { kind: 'string' };
  }
}

/** Whether `segs` lead somewhere inside a value of `type` (lenient where the description is silent). */
export function checkTypePath(api: ApiDescription, type: TypeRef | undefined, segs: string[]): PathCheck {
  let t = type;
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
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
export function checkInputPath(api: ApiDescription, form: FormModel, path: string): PathCheck {
  const segs = path.split('.');
  const byPath = fieldsByPath(form);
  // The longest field path that is a prefix of `path`.
  for (let n = segs.length; n > 0; n--) {
    const f = byPath.get(segs.slice(0, n).join('.'));
    if (!f) continue;
    if (n === segs.length) return { ok: true };
    const rest = segs.slice(n);
    if (f.kind === 'json' || f.kind === 'string') return f.kind === 'json' ? { ok: true } : { ok: false, at: n, options: [], why: `"${f.path}" is a single value` };
    if (f.kind === 'array') return /^\d+$/.test(rest[0]) ? { ok: true } : { ok: false, at: n, options: [], why: 'it is a list: use a number to pick an item, e.g. 0' };
    if (f.kind === 'object') {
      const classes = f.subclasses?.length ? f.subclasses : f.className ? [f.className] : [];
      if (classes.length === 0) return { ok: true }; // a free-form object
      for (const cls of classes) {
        if (checkTypePath(api, { kind: 'object', className: cls }, rest).ok) return { ok: true };
      }
      const r = checkTypePath(api, { kind: 'object', className: classes[0] }, rest);
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

export const fromStepPathRule: LintRule = {
  id: 'from-step-path',
  needsApi: true,
  run(ctx) {
    const { recipe, api, locate } = ctx;
    if (!api) return [];
    const out: Diagnostic[] = [];
    for (const step of recipe.steps) {
      if (!step.apiCall) continue;
      forEachDynamic(step, (dv, name) => {
        const f = dv.fromStep;
        const src = recipe.steps[f];
        // Pointing at a later step, itself, or a step with no call is from-step's business.
        if (f >= step.index || !src?.apiCall?.path) return;
        const problem = pathProblem(api, recipe, src, dv);
        if (!problem) return;
        const other = recipe.steps
          .slice(0, step.index)
          .find((s) => s.index !== f && s.apiCall?.path && !pathProblem(api, recipe, s, dv));
        const fix = other
          ? ` Did you mean fromStep ${other.index} (step ${other.index + 1}${other.title ? `, "${other.title}"` : ''}), which has it?`
          : dv.value !== undefined
            ? ' Fix the path (segments split on ".", numbers index lists: objects.0.id).'
            : ' Fix the path (inputs are named as in that step\'s API Call; body properties start with "body.").';
        const at = locate(dv, dv.value !== undefined ? 'value' : 'answer') ?? dv.range;
        out.push(diagnostic('error', 'from-step-path', `"${name}" reads ${problem}.${fix}`, at, step.index));
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

/** Every dynamicValue of a step's API Call, with a readable name of its input. */
function forEachDynamic(step: Step, fn: (dv: DynamicValue, name: string) => void): void {
  walkRecipeInputs(step, (node, name) => {
    if (node.dynamicValue) fn(node.dynamicValue, name);
  });
}

/**
 * Visits every parameter and schema node of a step's API Call with the field path the form gives
 * it (`uploadTokenId`, `body.entry.mediaType`) and a readable name (`entry.mediaType`).
 */
export function walkRecipeInputs(
  step: Step,
  fn: (node: Annotations & { range: Range; properties?: Record<string, SchemaNode> }, name: string, fieldPath: string, owner: Parameter | SchemaNode) => void,
): void {
  const call = step.apiCall;
  if (!call) return;
  const visit = (s: SchemaNode, name: string, path: string, depth: number) => {
    if (depth > 64) return;
    fn(s, name, path, s);
    if (s.properties) for (const k of Object.keys(s.properties)) visit(s.properties[k], `${name}.${k}`, `${path}.${k}`, depth + 1);
    if (s.items) visit(s.items, `${name}[]`, `${path}.#`, depth + 1);
  };
  for (const p of call.parameters) {
    const isBody = p.in === 'body' || (p.name === 'body' && p.in === undefined && !!p.schema);
    if (isBody) {
      const props = p.schema?.properties;
      if (p.dynamicValue || p.consoleDefault !== undefined || p.default !== undefined) fn(p, p.name, 'body', p);
      if (props) for (const k of Object.keys(props)) visit(props[k], k, `body.${k}`, 1);
      continue;
    }
    fn(p, p.name, p.name, p);
    if (p.schema) {
      const s = p.schema;
      if (s.properties) for (const k of Object.keys(s.properties)) visit(s.properties[k], `${p.name}.${k}`, `${p.name}.${k}`, 1);
      if (s.items) visit(s.items, `${p.name}[]`, `${p.name}.#`, 1);
    }
  }
}

// ------------------------------------------------------------------ defaults

const INT = /^-?\d+$/;

/** Why `v` cannot be the value of `f`, or undefined when it can. */
export function defaultProblem(f: FormField, v: unknown): string | undefined {
  if (v === null || f.dynamicEnum || f.fromSecrets) return undefined;
  if (f.options && f.options.length > 0) {
    if (f.options.some((o) => o.value === v || (typeof v !== 'object' && String(o.value) === String(v)))) return undefined;
    const shown = f.options.slice(0, 12).map((o) => (o.label !== String(o.value) ? `${JSON.stringify(o.value)} (${o.label})` : JSON.stringify(o.value)));
    const byLabel = typeof v === 'string' ? f.options.find((o) => o.label.toLowerCase() === v.toLowerCase() || o.constant?.toLowerCase() === v.toLowerCase()) : undefined;
    return `${JSON.stringify(v)} is not one of its choices${byLabel ? `: did you mean ${JSON.stringify(byLabel.value)} (${byLabel.label})?` : ` (${shown.join(', ')}${f.options.length > shown.length ? ', ...' : ''})`}`;
  }
  switch (f.kind) {
    case 'int':
      return (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && INT.test(v.trim())) ? undefined : `${JSON.stringify(v)} is not a whole number`;
    case 'float':
      return (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) ? undefined : `${JSON.stringify(v)} is not a number`;
    case 'bool':
      return typeof v === 'boolean' || v === 0 || v === 1 || v === 'true' || v === 'false' || v === '0' || v === '1' ? undefined : `${JSON.stringify(v)} is not true or false`;
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
  int: 'a whole number', float: 'a number', bool: 'true or false', string: 'text', object: 'an object',
  array: 'a list', enum: 'one of its choices', file: 'a file', json: 'JSON',
};

export const defaultValueRule: LintRule = {
  id: 'invalid-default',
  run(ctx) {
    const { recipe, locate } = ctx;
    const api = ctx.api ?? EMPTY;
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
            out.push(diagnostic('error', 'invalid-default', `"${name}" presets the class "${preset}", which is not ${declared} or one of its subclasses${sug ? `: did you mean "${sug}"?` : choices.length ? ` (choose one of ${choices.slice(0, 10).join(', ')}${choices.length > 10 ? ', ...' : ''})` : ''}.`, at, step.index));
          } else if (cls.abstract) {
            out.push(diagnostic('error', 'invalid-default', `"${name}" presets "${preset}", an abstract class that the API cannot create: choose a concrete one (${choices.slice(0, 10).join(', ')}${choices.length > 10 ? ', ...' : ''}).`, at, step.index));
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
          out.push(diagnostic('error', 'invalid-default', `The ${key} of "${name}" cannot be used: ${why}. The field takes ${kindWords[f.options?.length ? 'enum' : f.kind] ?? f.kind}${f.enumType ? ` (${f.enumType})` : ''}.`, locate(owner, key) ?? owner.range, step.index));
        }
      });
    }
    return out;
  },
};

// ------------------------------------------------------------------ unknown nested properties

export const unknownPropertyRule: LintRule = {
  id: 'unknown-property',
  needsApi: true,
  run(ctx) {
    const { recipe, api, locateIn } = ctx;
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
        for (const k of Object.keys(props)) {
          if (known.has(k) || props[k].custom) continue;
          const sug = nearest(k, [...known]);
          const at = locateIn(node as SchemaNode, ['properties', k], 'key') ?? props[k].range;
          out.push(diagnostic('warning', 'unknown-property', `${classes[0]} has no property "${k}" (in "${name}")${sug ? `: did you mean "${sug}"?` : '.'} It is not sent by the console; fix the name, or mark it "custom": true if it only feeds samples.`, at, step.index));
        }
      });
    }
    return out;
  },
};

/** Stands in for the API description when none is given: forms then come from the recipe alone. */
const EMPTY: ApiDescription = {
  document: {},
  operation: () => undefined,
  operationByName: () => undefined,
  operations: () => [],
  getClass: () => undefined,
  getEnum: () => undefined,
  allProperties: () => [],
  concreteSubclasses: () => [],
  isSubclassOf: () => false,
};

export const API_RULES: LintRule[] = [fromStepPathRule, defaultValueRule, unknownPropertyRule];
export type { LintContext };
