/**
 * Lint rules that look at the whole parsed recipe (and, when given, the API description).
 * Syntax, schema and structure problems are found while parsing; these rules run afterwards.
 * A rule gets the model and a `locate` helper that maps a model object (or one of its keys) back
 * to its position in the file.
 */
import type { ApiDescription, Operation } from '../api/types';
import { property, type JsonNode } from './json';
import type { LineIndex } from './lines';
import type { Origin } from './normalize';
import { nearest } from './suggest';
import type { Annotations, ApiCall, Diagnostic, Parameter, Range, Recipe, SchemaNode, Severity } from './types';

export interface LintContext {
  recipe: Recipe;
  source: string;
  /** Present only when the caller passed an API description. */
  api?: ApiDescription;
  /**
   * Range of a model object in the file (a Parameter, SchemaNode, DynamicValue, ApiCall, ...);
   * with `key`, the range of that key's value (or of the key itself with part 'key'), looking
   * for the bare key first and then its `x-` spelling.
   */
  locate(obj: object, key?: string, part?: 'key' | 'value'): Range | undefined;
  /** Like `locate`, along a path of keys inside the object (`['properties', 'entry']`). */
  locateIn(obj: object, path: string[], part?: 'key' | 'value'): Range | undefined;
}

export interface LintRule {
  id: string;
  /** Runs only when an API description is given. */
  needsApi?: boolean;
  run(ctx: LintContext): Diagnostic[];
}

export function diagnostic(
  severity: Severity, rule: string, message: string, range: Range | undefined, stepIndex?: number,
): Diagnostic {
  const r = range ?? { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };
  const d: Diagnostic = {
    severity, rule, message,
    line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column,
  };
  if (stepIndex !== undefined) d.stepIndex = stepIndex;
  return d;
}

/** Calls `fn` for the parameter and every schema node below it, with a readable name. */
export function forEachAnnotated(call: ApiCall, fn: (a: Annotations, name: string, owner: Parameter | SchemaNode) => void): void {
  const visit = (s: SchemaNode, name: string, depth: number) => {
    if (depth > 64) return;
    fn(s, name, s);
    if (s.properties) for (const k of Object.keys(s.properties)) visit(s.properties[k], `${name}.${k}`, depth + 1);
    if (s.items) visit(s.items, `${name}[]`, depth + 1);
  };
  for (const p of call.parameters) {
    fn(p, p.name, p);
    if (p.schema) {
      const s = p.schema;
      if (s.properties) for (const k of Object.keys(s.properties)) visit(s.properties[k], p.name === 'body' ? k : `${p.name}.${k}`, 1);
      if (s.items) visit(s.items, `${p.name}[]`, 1);
    }
  }
}

const earlier = (i: number) => (i === 1 ? 'fromStep 0' : `fromStep 0 to ${i - 1}`);

export const fromStepRule: LintRule = {
  id: 'from-step',
  run({ recipe, locate }) {
    const out: Diagnostic[] = [];
    const n = recipe.steps.length;
    for (const step of recipe.steps) {
      if (!step.apiCall) continue;
      forEachAnnotated(step.apiCall, (a, name) => {
        const dv = a.dynamicValue;
        if (!dv) return;
        const at = locate(dv, 'fromStep') ?? dv.range;
        const i = step.index;
        const f = dv.fromStep;
        const shown = `step ${f + 1} (fromStep ${f})`;
        if (i === 0 && f >= 0) {
          out.push(diagnostic('error', f === 0 ? 'from-step-self' : f >= n ? 'from-step-out-of-range' : 'from-step-later', `"${name}" is in the first step, which has no earlier step to take a value from (fromStep ${f}): remove the dynamicValue, or move this input to a later step.`, at, i));
        } else if (f >= n) {
          out.push(diagnostic('error', 'from-step-out-of-range', `"${name}" takes its value from fromStep ${f}, but the recipe has only ${n} step${n === 1 ? '' : 's'} (fromStep counts from 0): point it at an earlier step (${earlier(i)}).`, at, i));
        } else if (f === i) {
          out.push(diagnostic('error', 'from-step-self', `"${name}" takes its value from its own step (fromStep ${f}): point fromStep at an earlier step (steps count from 0, so step ${i + 1} is fromStep ${i}).`, at, i));
        } else if (f > i) {
          out.push(diagnostic('error', 'from-step-later', `"${name}" takes its value from ${shown}, which runs after this step: point fromStep at an earlier step (${earlier(i)}).`, at, i));
        } else if (!recipe.steps[f].apiCall?.path) {
          const hint = callingStepHint(recipe, i, dv.answer);
          out.push(
            dv.value !== undefined
              ? diagnostic('error', 'from-step-no-call', `"${name}" reads "${dv.value}" from the response of ${shown}, but that step makes no API call, so it never has a response: point fromStep at the step whose call returns it${hint}${hint.endsWith('?') ? '' : '.'}`, at, i)
              : diagnostic('error', 'from-step-no-call', `"${name}" reads the input "${dv.answer}" submitted in ${shown}, but that step makes no API call, so it is never run and never submits anything: point fromStep at the step that has this input${hint}${hint.endsWith('?') ? '' : '.'}`, at, i),
          );
        }
      });
    }
    return out;
  },
};

/**
 * `: did you mean fromStep 2 (step 3), which has that input?` when an earlier step with a call has
 * the input an `answer` names; else `(steps with a call before this one: fromStep 1, 2)`; or ''.
 */
function callingStepHint(recipe: Recipe, before: number, answer?: string): string {
  const calls = recipe.steps.slice(0, before).filter((s) => s.apiCall?.path);
  if (answer !== undefined) {
    const segs = answer.split('.');
    const top = segs[0] === 'body' ? segs[1] : segs[0];
    const has = calls.find((s) => s.apiCall!.parameters.some((p) => p.name === top || (p.schema?.properties && Object.prototype.hasOwnProperty.call(p.schema.properties, top ?? ''))));
    if (has) return `: did you mean fromStep ${has.index} (step ${has.index + 1}), which has that input?`;
  }
  if (calls.length === 0) return '';
  return ` (steps with a call before this one: ${calls.map((c) => `fromStep ${c.index}`).join(', ')})`;
}

export const enumLabelsRule: LintRule = {
  id: 'enum-labels-length',
  run({ recipe, locate }) {
    const out: Diagnostic[] = [];
    for (const step of recipe.steps) {
      if (!step.apiCall) continue;
      forEachAnnotated(step.apiCall, (a, name, owner) => {
        if (!a.enumLabels) return;
        if (!a.enum) {
          out.push(diagnostic('warning', 'enum-labels-without-enum', `"${name}" has enumLabels but no enum: add the "enum" values they label, or remove enumLabels.`, locate(owner, 'enumLabels') ?? owner.range, step.index));
          return;
        }
        if (a.enumLabels.length !== a.enum.length) {
          out.push(diagnostic('error', 'enum-labels-length', `"${name}" has ${a.enumLabels.length} enumLabels for ${a.enum.length} enum values: give exactly one label per value, in the same order.`, locate(owner, 'enumLabels') ?? owner.range, step.index));
        }
      });
    }
    return out;
  },
};

/** Parameters every Kaltura call accepts, not listed per operation. */
const COMMON_PARAMETERS = new Set(['ks', 'format', 'partnerId', 'clientTag', 'apiVersion']);

function nearestPath(api: ApiDescription, path: string): string | undefined {
  const ops = api.operations();
  // Paths share long common parts, so only a few edits count as a typo.
  return nearest(path, ops.map((o) => o.path), Math.max(2, Math.floor(path.length / 10)));
}

export const unknownPathRule: LintRule = {
  id: 'unknown-path',
  needsApi: true,
  run({ recipe, api, locate }) {
    if (!api) return [];
    const out: Diagnostic[] = [];
    for (const step of recipe.steps) {
      const call = step.apiCall;
      if (!call?.path) continue;
      if (api.operation(call.path)) continue;
      const sug = nearestPath(api, call.path);
      let fix: string;
      if (sug) {
        fix = `: did you mean "${sug}"?`;
      } else {
        const service = /^\/service\/([^/]+)/i.exec(call.path)?.[1]?.toLowerCase();
        const actions = api.operations().filter((o) => o.service.toLowerCase() === service).map((o) => o.action);
        fix = actions.length
          ? `: the ${service} service has the actions ${actions.join(', ')}.`
          : '. Check the service and action names (/service/<service>/action/<action>); for another API, give the URL of its OpenAPI description as "openapi" in METADATA.';
      }
      out.push(diagnostic('error', 'unknown-path', `The API has no operation "${call.path}"${fix}`, locate(call, 'path') ?? call.range, step.index));
    }
    // The call that fills a dropdown is an operation too.
    for (const step of recipe.steps) {
      if (!step.apiCall) continue;
      forEachAnnotated(step.apiCall, (a, name) => {
        const de = a.dynamicEnum;
        if (!de || api.operation(de.path)) return;
        const sug = nearestPath(api, de.path);
        out.push(diagnostic('error', 'unknown-path', `The dropdown "${name}" is filled by "${de.path}", which the API does not have${sug ? `: did you mean "${sug}"?` : ': check the service and action names.'}`, locate(de, 'path') ?? step.apiCall!.range, step.index));
      });
    }
    return out;
  },
};

export const unknownParameterRule: LintRule = {
  id: 'unknown-parameter',
  needsApi: true,
  run({ recipe, api, locate, locateIn }) {
    if (!api) return [];
    const out: Diagnostic[] = [];
    for (const step of recipe.steps) {
      const call = step.apiCall;
      if (!call?.path) continue;
      const op = api.operation(call.path);
      if (!op) continue;
      const check = (name: string, at: Range | undefined) => {
        if (COMMON_PARAMETERS.has(name)) return;
        if (op.params.some((p) => p.name === name)) return;
        out.push(diagnostic('warning', 'unknown-parameter', unknownParamMessage(op, name), at, step.index));
      };
      for (const p of call.parameters) {
        if (p.custom) continue;
        if (p.name === 'body' && (p.in === 'body' || p.in === undefined) && !op.params.some((x) => x.name === 'body')) {
          const props = p.schema?.properties;
          if (!props) continue;
          for (const k of Object.keys(props)) {
            if (props[k].custom) continue;
            check(k, locateIn(p.schema!, ['properties', k], 'key') ?? props[k].range);
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
  return `${op.service}.${op.action} has no parameter "${name}"${sug ? `: did you mean "${sug}"?` : ` (${list})`}${sug ? "" : "."} It is not sent by the console; fix the name, or mark the input "custom": true if it only feeds samples or later steps.`;
}

export const BUILTIN_RULES: LintRule[] = [fromStepRule, enumLabelsRule, unknownPathRule, unknownParameterRule];

export interface RuleRunInput {
  recipe: Recipe;
  source: string;
  api?: ApiDescription;
  lines: LineIndex;
  origins: WeakMap<object, Origin>;
}

/** Runs the built-in rules and `extra`; a failing rule becomes a diagnostic, never an exception. */
export function runRules(input: RuleRunInput, extra: LintRule[] = []): Diagnostic[] {
  const { lines, origins } = input;
  const rangeOf = (o: Origin, n: JsonNode) => lines.range(o.base + n.offset, o.base + n.offset + n.length);
  const locateIn = (obj: object, path: string[], part: 'key' | 'value' = 'value'): Range | undefined => {
    const o = origins.get(obj);
    if (!o) return path.length === 0 ? (obj as { range?: Range }).range : undefined;
    let node: JsonNode | undefined = o.node;
    for (let i = 0; i < path.length; i++) {
      const p: JsonNode | undefined = property(node, path[i]) ?? (i === 0 ? property(node, `x-${path[i]}`) : undefined);
      if (!p) return undefined;
      if (i === path.length - 1) {
        const n = p.children?.[part === 'key' ? 0 : 1] ?? p.children?.[0];
        return n ? rangeOf(o, n) : undefined;
      }
      node = p.children?.[1];
    }
    return rangeOf(o, o.node);
  };
  const locate = (obj: object, key?: string, part: 'key' | 'value' = 'value') =>
    locateIn(obj, key === undefined ? [] : [key], part);
  const ctx: LintContext = { recipe: input.recipe, source: input.source, api: input.api, locate, locateIn };
  const out: Diagnostic[] = [];
  for (const rule of [...BUILTIN_RULES, ...extra]) {
    if (rule.needsApi && !input.api) continue;
    try {
      for (const d of rule.run(ctx)) {
        // Clamp to the text and make the span non-empty where possible, whatever the rule did.
        const r = lines.span(lines.offsetAt(d.line, d.column), lines.offsetAt(d.endLine, d.endColumn));
        out.push({ ...d, line: r.start.line, column: r.start.column, endLine: r.end.line, endColumn: r.end.column });
      }
    } catch (err) {
      out.push(diagnostic('error', 'internal-error', `Lint rule "${rule.id}" failed (${err instanceof Error ? err.message : String(err)}): please report it; the other checks still ran.`, undefined));
    }
  }
  return out;
}
