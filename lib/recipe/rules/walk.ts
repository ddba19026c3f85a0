/** Walks over the inputs of a step's API Call, for the rules that check each input. */
import type { Annotations, ApiCall, Diagnostic, DynamicValue, Parameter, Range, Recipe, SchemaNode, Step } from '../types';

/** Calls `fn` for the parameter and every schema node below it, with a readable name. */
export function forEachAnnotated(call: ApiCall, fn: (a: Annotations, name: string, owner: Parameter | SchemaNode) => void): void {
  const visit = (s: SchemaNode, name: string, depth: number) => {
    if (depth > 64) return;
    fn(s, name, s);
    if (s.properties) for (const [k, sub] of Object.entries(s.properties)) visit(sub, `${name}.${k}`, depth + 1);
    if (s.items) visit(s.items, `${name}[]`, depth + 1);
  };
  for (const p of call.parameters) {
    fn(p, p.name, p);
    if (p.schema) {
      const s = p.schema;
      if (s.properties) for (const [k, sub] of Object.entries(s.properties)) visit(sub, p.name === 'body' ? k : `${p.name}.${k}`, 1);
      if (s.items) visit(s.items, `${p.name}[]`, 1);
    }
  }
}

/** Calls `check` for every input of every step's API Call (as forEachAnnotated); collects what it reports. */
export function checkInputs(
  recipe: Recipe,
  check: (a: Annotations, name: string, owner: Parameter | SchemaNode, step: Step) => Diagnostic | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const step of recipe.steps) {
    if (!step.apiCall) continue;
    forEachAnnotated(step.apiCall, (a, name, owner) => {
      const d = check(a, name, owner, step);
      if (d) out.push(d);
    });
  }
  return out;
}

/**
 * Visits every parameter and schema node of a step's API Call with the field path the form gives
 * it (`uploadTokenId`, `body.entry.mediaType`) and a readable name (`entry.mediaType`).
 */
export function walkRecipeInputs(
  step: Step,
  fn: (
    node: Annotations & { range: Range; properties?: Record<string, SchemaNode> },
    name: string,
    fieldPath: string,
    owner: Parameter | SchemaNode,
  ) => void,
): void {
  const call = step.apiCall;
  if (!call) return;
  const visit = (s: SchemaNode, name: string, path: string, depth: number) => {
    if (depth > 64) return;
    fn(s, name, path, s);
    if (s.properties) for (const [k, sub] of Object.entries(s.properties)) visit(sub, `${name}.${k}`, `${path}.${k}`, depth + 1);
    if (s.items) visit(s.items, `${name}[]`, `${path}.#`, depth + 1);
  };
  for (const p of call.parameters) {
    const isBody = p.in === 'body' || (p.name === 'body' && p.in === undefined && !!p.schema);
    if (isBody) {
      const props = p.schema?.properties;
      if (p.dynamicValue || p.consoleDefault !== undefined || p.default !== undefined) fn(p, p.name, 'body', p);
      if (props) for (const [k, sub] of Object.entries(props)) visit(sub, k, `body.${k}`, 1);
      continue;
    }
    fn(p, p.name, p.name, p);
    if (p.schema) {
      const s = p.schema;
      if (s.properties) for (const [k, sub] of Object.entries(s.properties)) visit(sub, `${p.name}.${k}`, `${p.name}.${k}`, 1);
      if (s.items) visit(s.items, `${p.name}[]`, `${p.name}.#`, 1);
    }
  }
}

/** Every dynamicValue of a step's API Call, with a readable name of its input. */
export function forEachDynamic(step: Step, fn: (dv: DynamicValue, name: string) => void): void {
  walkRecipeInputs(step, (node, name) => {
    if (node.dynamicValue) fn(node.dynamicValue, name);
  });
}
