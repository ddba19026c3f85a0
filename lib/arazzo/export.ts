/**
 * A recipe as an Arazzo 1.0 document (`npm run recipes:export -- FILE --format arazzo`), so that it
 * can run in other Arazzo tools: one workflow, one step per API Call. Each step's request comes
 * from the one request model (buildRequestModel, with the form's initial values and any given
 * values) and is written as an operation with a JSON (or multipart) request body:
 *
 * - a value from an earlier step's response is `$steps.<id>.outputs.<name>`, and that step gets
 *   the output (`$response.body#/pointer`); a value from an earlier step's inputs is copied;
 * - credentials (`fromSecrets`), files, dropdowns filled by a call and required inputs without a
 *   value are workflow inputs (`$inputs.<name>`); the KS goes in the query as `$inputs.ks`;
 * - every step must answer HTTP 200 without a KalturaAPIException, and its `expect` entries
 *   become successCriteria (simple conditions on `$response.body#/...`, regex criteria for
 *   `matches`); the expect block is also kept as written in `x-recipe-expect`.
 */
import type { ApiDescription, Operation } from '@/lib/description/types';
import { buildForm, walkFields } from '@/lib/form/build';
import { getPath, setPath } from '@/lib/form/paths';
import type { FormField, FormModel, FormValues } from '@/lib/form/types';
import { initialValues } from '@/lib/form/values';
import { validateValues } from '@/lib/form/validate';
import { resolveValues } from '@/lib/form/values';
import { buildRequestModel } from '@/lib/request/build';
import type { Connection, Value } from '@/lib/request/types';
import type { ExpectCheck, Recipe, Step } from '@/lib/recipe/types';
import { userPath } from '@/lib/runner/given-values';

type Json = Record<string, unknown>;

export const ARAZZO_VERSION = '1.0.1';

export interface ArazzoOptions {
  /** The workflow id (the recipe's slug). */
  slug: string;
  /** URL of the OpenAPI description the steps' operations refer to. */
  sourceUrl: string;
  /** Name of that source description (default `kaltura`). */
  sourceName?: string;
  /** Given values, by 0-based step: form path -> value. */
  values?: Record<number, Array<{ path: string; value: unknown }>>;
}

interface Input {
  name: string;
  schema: Json;
  required: boolean;
}

/** `Create an Upload Token` -> `create-an-upload-token`. */
function slugify(s: string, max = 40): string {
  const t = s
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (t.length <= max) return t || 'step';
  const cut = t.slice(0, max + 1);
  const at = cut.lastIndexOf('-');
  return (at > max / 2 ? cut.slice(0, at) : t.slice(0, max)).replace(/-+$/, '') || 'step';
}

/** A JSON pointer (RFC 6901) of path segments. */
function pointer(segments: string[]): string {
  return segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function bodyExpr(segments: string[]): string {
  return segments.length === 0 ? '$response.body' : `$response.body#${pointer(segments)}`;
}

/** A literal of a simple condition: numbers and booleans as written, text in single quotes. */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return `'${String(v).replace(/'/g, "''")}'`;
}

/** Leaves of a JSON value (for equality of objects and lists), as [relative segments, value]. */
function leaves(v: unknown, at: string[] = []): Array<[string[], unknown]> {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...at, String(i)]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...at, k]));
  return [[at, v]];
}

/** The successCriteria of one `expect` check at a path. */
export function criteriaOf(segments: string[], c: ExpectCheck): Json[] {
  const at = bodyExpr(segments);
  switch (c.op) {
    case 'equals':
    case 'notEquals': {
      const op = c.op === 'equals' ? '==' : '!=';
      if (c.value !== null && typeof c.value === 'object') {
        return leaves(c.value).map(([rel, v]) => ({ condition: `${bodyExpr([...segments, ...rel])} ${op} ${literal(v)}` }));
      }
      return [{ condition: `${at} ${op} ${literal(c.value)}` }];
    }
    case 'oneOf':
      return [
        {
          condition:
            c.values.length === 1 ? `${at} == ${literal(c.values[0])}` : `(${c.values.map((v) => `${at} == ${literal(v)}`).join(' || ')})`,
        },
      ];
    case 'exists':
      return [{ condition: `${at} ${c.value ? '!=' : '=='} null` }];
    case 'matches':
      return [{ context: at, condition: c.pattern, type: 'regex' }];
    case 'min':
      return [{ condition: `${at} >= ${c.value}` }];
    case 'max':
      return [{ condition: `${at} <= ${c.value}` }];
  }
}

function operationId(api: ApiDescription, op: Operation): string | undefined {
  const paths = (api.document as { paths?: Record<string, Record<string, { operationId?: unknown }>> } | undefined)?.paths;
  if (!paths) return undefined;
  const key = Object.keys(paths).find((k) => k.toLowerCase() === op.path.toLowerCase());
  const id = key ? paths[key]?.[(op.method ?? 'post').toLowerCase()]?.operationId : undefined;
  return typeof id === 'string' && id ? id : undefined;
}

/** The recipe as an Arazzo document (a plain JSON object). */
export function recipeToArazzo(recipe: Recipe, api: ApiDescription, opts: ArazzoOptions): Json {
  const source = opts.sourceName ?? 'kaltura';
  const connection: Connection = { serviceUrl: '' };
  const inputs = new Map<string, Input>();
  const addInput = (name: string, schema: Json, required = true): string => {
    if (!inputs.has(name)) inputs.set(name, { name, schema, required });
    return `$inputs.${name}`;
  };
  const steps: Json[] = [];
  const stepIds: Record<number, string> = {};
  const outputs: Record<number, Record<string, string>> = {};
  const payloads: Record<number, Json> = {};
  const forms: FormModel[] = recipe.steps.map((s) => buildForm(s, api));

  const outputName = (path: string) => (path === '' ? 'result' : path.replace(/[^A-Za-z0-9._-]/g, '_'));

  for (const step of recipe.steps) {
    const i = step.index;
    const form = forms[i];
    if (!form) continue;
    if (!form.service || !form.action) continue;
    const op = api.operation(step.apiCall?.path ?? '') ?? api.operationByName(form.service, form.action);
    const stepId = `step-${i + 1}-${slugify(step.title)}`;
    stepIds[i] = stepId;
    let values: FormValues = initialValues(form, connection);
    for (const g of opts.values?.[i] ?? []) values = setPath(values, g.path, g.value);
    const { model } = buildRequestModel({ step, form, values, results: {}, connection, api });
    if (!model) continue;

    // Inputs a reader fills: credentials, files, dropdowns filled by a call, required values left empty.
    const byPath = new Map<string, FormField>();
    walkFields(form.fields, (f) => byPath.set(f.path, f));
    const inputFor = (f: FormField): string | undefined => {
      if (f.fromSecrets)
        return addInput(f.fromSecrets, {
          type: f.fromSecrets === 'partnerId' ? 'integer' : 'string',
          description: `the connection's ${f.fromSecrets}`,
        });
      if (f.kind === 'file')
        return addInput(`step${i + 1}_${f.name}`, { type: 'string', format: 'binary', description: `the file step ${i + 1} uploads` });
      if (f.dynamicEnum) {
        const de = f.dynamicEnum;
        return addInput(`step${i + 1}_${userPath(f.path).replace(/\./g, '_')}`, {
          description: `step ${i + 1}: ${userPath(f.path)}, one of the ${de.value ?? 'items'} of ${de.path}${de.array ? ` (${de.array})` : ''}`,
        });
      }
      return undefined;
    };

    const toJson = (v: Value, path: string): unknown => {
      const f = byPath.get(path);
      switch (v.kind) {
        case 'string':
        case 'int':
        case 'float':
        case 'bool':
        case 'enum':
          return v.value;
        case 'null':
          return null;
        case 'file':
          return f ? inputFor(f) : addInput(`step${i + 1}_file`, { type: 'string', format: 'binary' });
        case 'array':
          return v.items.map((x, k) => toJson(x, `${path}.${k}`));
        case 'object': {
          const o: Json = {};
          if (v.className) o.objectType = v.className;
          for (const fld of v.fields) o[fld.name] = toJson(fld.value, `${path}.${fld.name}`);
          return o;
        }
        case 'ref': {
          if (v.source === 'value') {
            const src = stepIds[v.fromStep];
            if (src === undefined)
              return addInput(`step${i + 1}_${userPath(path).replace(/\./g, '_')}`, {
                description: `step ${i + 1}: ${userPath(path)} (from step ${v.fromStep + 1}, which makes no call)`,
              });
            const name = outputName(v.path);
            (outputs[v.fromStep] ??= {})[name] = bodyExpr(v.path === '' ? [] : v.path.split('.'));
            return `$steps.${src}.outputs.${name}`;
          }
          // An input of an earlier step: the value that step sends.
          const srcPayload = payloads[v.fromStep];
          const p = v.path.startsWith('body.') ? v.path.slice(5) : v.path;
          const got = srcPayload ? getPath(srcPayload, p) : undefined;
          if (got !== undefined) return got;
          return addInput(`step${v.fromStep + 1}_${p.replace(/\./g, '_')}`, { description: `step ${v.fromStep + 1}: the value of ${p}` });
        }
      }
    };

    const payload: Json = {};
    const pathOf = (name: string) => (byPath.has(name) ? name : `body.${name}`);
    for (const p of model.params) payload[p.name] = toJson(p.value, pathOf(p.name));
    // Values the form lacks that a reader must give (and that the model therefore left out).
    const resolved = resolveValues(form, values, {});
    const missing = validateValues(form, resolved.values).filter((e) => /is required/.test(e.message));
    walkFields(form.fields, (f) => {
      if (f.custom || f.path.includes('#') || !(f.fromSecrets || f.dynamicEnum)) return;
      const v = getPath(values, f.path);
      if (f.dynamicEnum && v !== undefined && v !== '') return;
      const key = f.path.startsWith('body.') ? f.path.slice(5) : f.path;
      if (getPath(payload, key) === undefined) Object.assign(payload, setPath(payload, key, inputFor(f)));
    });
    for (const m of missing) {
      const f = byPath.get(m.path);
      if (!f || f.dynamicValue || f.custom) continue;
      const key = m.path.startsWith('body.') ? m.path.slice(5) : m.path;
      if (getPath(payload, key) !== undefined) continue;
      const ref =
        inputFor(f) ??
        addInput(`step${i + 1}_${key.replace(/\./g, '_')}`, { description: `step ${i + 1}: ${key} (required; the recipe gives no value)` });
      Object.assign(payload, setPath(payload, key, ref));
    }
    payloads[i] = payload;

    const s: Json = { stepId, description: step.title };
    const id = op ? operationId(api, op) : undefined;
    if (id) s.operationId = id;
    else
      s.operationPath = `{$sourceDescriptions.${source}.url}#/paths/${(op?.path ?? step.apiCall?.path ?? '').replace(/~/g, '~0').replace(/\//g, '~1')}/${(op?.method ?? 'post').toLowerCase()}`;
    const params: Json[] = [{ name: 'format', in: 'query', value: 1 }];
    if (form.requiresKs)
      params.push({ name: 'ks', in: 'query', value: addInput('ks', { type: 'string', description: 'a Kaltura session (KS)' }) });
    s.parameters = params;
    if (Object.keys(payload).length > 0) {
      const multipart = form.fields.some((f) => f.kind === 'file' && !f.custom) || model.params.some((p) => p.value.kind === 'file');
      s.requestBody = { contentType: multipart ? 'multipart/form-data' : 'application/json', payload };
    }
    const criteria: Json[] = [{ condition: '$statusCode == 200' }, { condition: "$response.body#/objectType != 'KalturaAPIException'" }];
    for (const x of step.apiCall?.expect ?? []) for (const c of x.checks) criteria.push(...criteriaOf(x.segments, c));
    s.successCriteria = criteria;
    if (step.apiCall?.expect?.length) {
      s['x-recipe-expect'] = Object.fromEntries(step.apiCall.expect.map((x) => [x.path, x.checks]));
    }
    s['x-recipe-line'] = step.range.start.line;
    steps.push(s);
  }
  // Outputs are known once every later step was read.
  for (const s of steps) {
    const i = Number(Object.entries(stepIds).find(([, id]) => id === s.stepId)?.[0]);
    if (outputs[i]) s.outputs = outputs[i];
  }

  const props: Json = {};
  const required: string[] = [];
  for (const inp of inputs.values()) {
    props[inp.name] = inp.schema;
    if (inp.required) required.push(inp.name);
  }
  const workflow: Json = {
    workflowId: opts.slug.replace(/[^A-Za-z0-9_-]/g, '-') || 'recipe',
    summary: recipe.title,
  };
  if (recipe.metadata.summary) workflow.description = recipe.metadata.summary;
  workflow.inputs = { type: 'object', properties: props, ...(required.length ? { required } : {}) };
  workflow.steps = steps;
  const info: Json = { title: recipe.title || opts.slug, version: '1.0.0' };
  if (recipe.metadata.summary) info.summary = recipe.metadata.summary;
  info.description = 'Exported from a recipe of the recipe console (npm run recipes:export).';
  return {
    arazzo: ARAZZO_VERSION,
    info,
    sourceDescriptions: [{ name: source, url: opts.sourceUrl, type: 'openapi' }],
    workflows: [workflow],
  };
}

export type { Step };
