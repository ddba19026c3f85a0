/**
 * JSON Schema validation of METADATA and API Call blocks (ajv), with ajv's errors turned into
 * located, plain-English problems. The schemas are the files in ./schemas (editors use them too).
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import apiCallSchema from './schemas/api-call.schema.json';
import metadataSchema from './schemas/metadata.schema.json';
import { walk, type JsonNode } from './json';
import { invalidValue } from './rules/invalid-value';
import { misplacedKey } from './rules/misplaced-key';
import { missingKey } from './rules/missing-key';
import type { RuleDoc } from './rules/rule';
import { unknownKey } from './rules/unknown-key';
import { nearest } from './suggest';

/** A problem found in a JSON block, with offsets into the block's text; reported as its rule. */
export interface Problem {
  rule: RuleDoc;
  message: string;
  offset: number;
  length: number;
}

export type BlockKind = 'metadata' | 'apiCall';

let compiled: { metadata: ValidateFunction; apiCall: ValidateFunction } | undefined;

function validators() {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    compiled = {
      metadata: ajv.compile(metadataSchema as object),
      apiCall: ajv.compile(apiCallSchema as object),
    };
  }
  return compiled;
}

export function validateBlock(kind: BlockKind, value: unknown, root: JsonNode | undefined): Problem[] {
  const validate = validators()[kind];
  if (validate(value)) return [];
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const err of validate.errors ?? []) {
    const p = toProblem(kind, err, root);
    if (!p) continue;
    const key = `${p.offset}:${p.rule.id}:${p.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

function segmentsOf(instancePath: string): string[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** `parameters[0].schema.properties.entry` */
function label(segments: string[]): string {
  let s = '';
  for (const seg of segments) s += /^\d+$/.test(seg) ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  switch (typeof v) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return typeof v;
  }
}

function wanted(t: unknown): string {
  const list = (Array.isArray(t) ? t : [t]).map(String);
  const words = list.map(
    (x) =>
      ({
        string: 'a string',
        number: 'a number',
        integer: 'a whole number',
        boolean: 'true or false',
        object: 'an object',
        array: 'an array',
        null: 'null',
      })[x] ?? x,
  );
  return words.join(' or ');
}

function hint(want: string[], data: unknown): string {
  if (typeof data === 'string') {
    const t = data.trim();
    if ((want.includes('number') || want.includes('integer')) && t !== '' && !Number.isNaN(Number(t))) return ` Write ${t} without quotes.`;
    if (want.includes('boolean') && (t === 'true' || t === 'false')) return ` Write ${t} without quotes.`;
  }
  if (want.includes('array') && !Array.isArray(data) && data !== null && typeof data !== 'object')
    return ` Write a list, e.g. [${JSON.stringify(data)}].`;
  if (want.includes('boolean')) return ' Write true or false.';
  if (want.includes('string')) return ' Put the value in double quotes.';
  return '';
}

function where(kind: BlockKind): string {
  return kind === 'metadata' ? 'in METADATA' : 'in the API Call block';
}

/** Keys of a parameter entry that mean nothing inside its `schema`. */
const PARAMETER_ONLY = new Set(['name', 'in', 'schema']);

/**
 * Why an unknown key inside `schema` is a real mistake rather than a harmless extra key, or
 * undefined: a parameter's own key written inside its schema, or a property written without the
 * `properties` object around it (the form would silently not show it).
 */
function misplacedInSchema(key: string, value: JsonNode | undefined, suggestion: string | undefined): string | undefined {
  if (PARAMETER_ONLY.has(key)) return `"${key}" belongs on the parameter entry, not inside "schema": move it up one level`;
  if (suggestion) return undefined; // a misspelt schema keyword: the unknown-key warning says which
  if (value?.type === 'object') {
    return `"${key}" inside "schema" looks like a property, but properties go inside "properties": write "properties": { "${key}": { ... } }`;
  }
  return undefined;
}

function toProblem(kind: BlockKind, err: ErrorObject, root: JsonNode | undefined): Problem | undefined {
  const segs = segmentsOf(err.instancePath);
  const { node } = walk(root, segs);
  const at = (n: JsonNode | undefined, len?: number): { offset: number; length: number } =>
    n ? { offset: n.offset, length: len ?? n.length } : { offset: 0, length: 1 };
  const name = label(segs);
  const subject = name ? `"${name}"` : kind === 'metadata' ? 'METADATA' : 'The API Call block';
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String((err.params as { additionalProperty: string }).additionalProperty);
      const props = Object.keys((err.parentSchema as { properties?: object } | undefined)?.properties ?? {}).filter(
        (k) => !k.startsWith('x-'),
      );
      const suggestion = nearest(key, props);
      const prop = node?.type === 'object' ? node.children?.find((c) => c.children?.[0]?.value === key) : undefined;
      const keyNode = prop?.children?.[0];
      const misplaced = kind === 'apiCall' && segs.includes('schema') ? misplacedInSchema(key, prop?.children?.[1], suggestion) : undefined;
      if (misplaced) {
        return { rule: misplacedKey, message: `${misplaced} (in ${name})`, ...at(keyNode ?? node, keyNode ? keyNode.length : 1) };
      }
      const fix = suggestion
        ? `did you mean "${suggestion}"?`
        : `known keys are ${props.slice(0, 12).join(', ')}${props.length > 12 ? ', ...' : ''}; prefix it with "x-" to keep a custom key.`;
      return {
        rule: unknownKey,
        message: `Unknown key "${key}" ${where(kind)}${name ? ` (in ${name})` : ''}: ${fix}`,
        ...at(keyNode ?? node, keyNode ? keyNode.length : 1),
      };
    }
    case 'type': {
      const want = ([] as string[]).concat((err.params as { type: string | string[] }).type as string | string[]);
      if (!name) {
        return { rule: invalidValue, message: `${subject} must be a JSON object ({ ... }), not ${typeName(err.data)}.`, ...at(node) };
      }
      return {
        rule: invalidValue,
        message: `${subject} ${where(kind)} must be ${wanted(want)}, not ${typeName(err.data)}.${hint(want, err.data)}`,
        ...at(node),
      };
    }
    case 'enum': {
      const allowed = ((err.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const sug = typeof err.data === 'string' ? nearest(err.data, allowed) : undefined;
      // `method` also allows upper case: list each value once.
      const uniq = allowed.filter((a) => a === a.toLowerCase() || !allowed.includes(a.toLowerCase()));
      return {
        rule: invalidValue,
        message: `${subject} ${where(kind)} is ${JSON.stringify(err.data)}; it must be one of ${uniq.join(', ')}${sug ? ` (did you mean "${sug}"?)` : ''}.`,
        ...at(node),
      };
    }
    case 'required': {
      const missing = String((err.params as { missingProperty: string }).missingProperty);
      const example =
        missing === 'name'
          ? '"name": "<the operation\'s parameter name>"'
          : missing === 'fromStep'
            ? '"fromStep": <0-based index of an earlier step>'
            : `"${missing}": ...`;
      return {
        rule: missingKey,
        message: `${subject} ${where(kind)} has no "${missing}": add ${example}.`,
        ...at(node, 1),
      };
    }
    case 'minimum':
      return {
        rule: invalidValue,
        message: `${subject} ${where(kind)} must be ${(err.params as { limit: number }).limit} or more.`,
        ...at(node),
      };
    case 'pattern':
      return {
        rule: invalidValue,
        message: `${subject} ${where(kind)} must start with "/", e.g. "/service/media/action/add".`,
        ...at(node),
      };
    case 'if':
    case 'anyOf':
    case 'oneOf':
      return undefined;
    default:
      return {
        rule: invalidValue,
        message: `${subject} ${where(kind)} is invalid: it ${err.message ?? 'does not match the schema'}.`,
        ...at(node),
      };
  }
}
