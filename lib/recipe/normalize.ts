/**
 * Builds the typed model (parameters, schema nodes, dynamic values) from located JSON nodes,
 * normalising `x-` annotation keys (the bare key wins) and remembering where each object came from.
 */
import { nodeValue, type JsonNode } from './json';
import type { LineIndex } from './lines';
import { duplicateKey } from './rules/duplicate-key';
import { dynamicValueShape } from './rules/dynamic-value-shape';
import { fromSecretsName } from './rules/from-secrets-name';
import { unknownKey } from './rules/unknown-key';
import { nearest } from './suggest';
import type {
  Annotations,
  DynamicEnum,
  DynamicValue,
  InputType,
  Parameter,
  ParameterLocation,
  Range,
  SchemaNode,
  SecretName,
} from './types';
import type { Problem } from './validate';

export const ANNOTATION_KEYS = [
  'type',
  'enum',
  'enumLabels',
  'description',
  'default',
  'consoleDefault',
  'hidden',
  'custom',
  'fromSecrets',
  'inputType',
  'dynamicValue',
  'dynamicEnum',
  'global',
] as const;
const ANNOTATION_SET = new Set<string>(ANNOTATION_KEYS);
const SECRETS = new Set<string>(['partnerId', 'secret', 'userId', 'ks']);
const INPUT_TYPES = new Set<string>(['text', 'textarea', 'number', 'dropdown', 'checkboxes', 'file']);
const LOCATIONS = new Set<string>(['body', 'query', 'formData', 'path', 'header']);

/** Where a model object came from: its JSON node, and the offset of its block in the file. */
export interface Origin {
  node: JsonNode;
  base: number;
}

/** A property of an object node: its key, and its value (undefined where the JSON lacks one). */
interface Entry {
  key: JsonNode;
  value: JsonNode | undefined;
}

export class Normalizer {
  readonly problems: Problem[] = [];
  constructor(
    private readonly lines: LineIndex,
    /** Offset of the JSON text in the file. */
    private readonly base: number,
    private readonly origins: WeakMap<object, Origin>,
  ) {}

  range(node: JsonNode): Range {
    return this.lines.range(this.base + node.offset, this.base + node.offset + node.length);
  }

  private remember<T extends object>(obj: T, node: JsonNode): T {
    this.origins.set(obj, { node, base: this.base });
    return obj;
  }

  /** Properties of an object node as key -> [key node, value node]; duplicates reported. */
  entries(node: JsonNode): Map<string, Entry> {
    const m = new Map<string, Entry>();
    for (const p of node.children ?? []) {
      const key = p.children?.[0];
      if (!key || typeof key.value !== 'string') continue;
      const prev = m.get(key.value);
      if (prev) {
        this.problems.push({
          rule: duplicateKey,
          offset: prev.key.offset,
          length: prev.key.length,
          message: `Duplicate key "${key.value}": this one is ignored because a later "${key.value}" in the same object wins. Remove one of them.`,
        });
      }
      m.set(key.value, { key, value: p.children?.[1] });
    }
    return m;
  }

  /**
   * Reads the annotation keys of an object (bare or `x-`), returns the keys consumed. `name` is the
   * input's own name (the parameter's, or the property key), which `fromSecrets: true` refers to.
   */
  annotations(e: Map<string, Entry>, into: Annotations, name?: string): Set<string> {
    const used = new Set<string>();
    for (const k of ANNOTATION_KEYS) {
      const bare = e.get(k);
      const x = e.get(`x-${k}`);
      if (x) used.add(`x-${k}`);
      if (bare) used.add(k);
      const src = bare ?? x;
      if (!src?.value) continue;
      this.annotation(k, src.value, into, name);
    }
    // An `x-` key that is not an annotation but looks like a misspelt one.
    for (const [k, v] of e) {
      if (used.has(k) || !k.startsWith('x-')) continue;
      const bareKey = k.slice(2);
      if (ANNOTATION_SET.has(bareKey)) continue;
      const sug = nearest(bareKey, ANNOTATION_KEYS);
      if (sug) {
        this.problems.push({
          rule: unknownKey,
          offset: v.key.offset,
          length: v.key.length,
          message: `Unknown key "${k}": did you mean "x-${sug}"?`,
        });
      }
    }
    return used;
  }

  private annotation(k: (typeof ANNOTATION_KEYS)[number], vn: JsonNode, into: Annotations, name?: string): void {
    const v = value(vn);
    switch (k) {
      case 'type':
        if (typeof v === 'string') into.type = v;
        else if (Array.isArray(v) && typeof v[0] === 'string') into.type = v[0];
        break;
      case 'enum':
        if (Array.isArray(v)) into.enum = v;
        break;
      case 'enumLabels':
        if (Array.isArray(v)) into.enumLabels = v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
        break;
      case 'description':
        if (typeof v === 'string') into.description = v;
        break;
      case 'default':
        if (v !== undefined) into.default = v;
        break;
      case 'consoleDefault':
        if (v !== undefined) into.consoleDefault = v;
        break;
      case 'hidden':
      case 'custom':
      case 'global':
        if (typeof v === 'boolean') into[k] = v;
        break;
      case 'fromSecrets':
        if (typeof v === 'string' && SECRETS.has(v)) into.fromSecrets = v as SecretName;
        else if (v === true) {
          // The portal's boolean form: the credential named like the input itself.
          const secret = name === undefined ? undefined : secretByName(name);
          if (secret) into.fromSecrets = secret;
          else {
            this.problems.push({
              rule: fromSecretsName,
              offset: vn.offset,
              length: vn.length,
              message: `"fromSecrets": true pre-fills an input from the credential of the same name, but ${name === undefined ? 'this input has no name' : `"${name}"`} is none of partnerId, secret, userId, ks: name the credential instead, e.g. "fromSecrets": "secret".`,
            });
          }
        }
        break;
      case 'inputType':
        if (typeof v === 'string' && INPUT_TYPES.has(v)) into.inputType = v as InputType;
        break;
      case 'dynamicValue': {
        const dv = this.dynamicValue(vn);
        if (dv) into.dynamicValue = dv;
        break;
      }
      case 'dynamicEnum': {
        const de = this.dynamicEnum(vn);
        if (de) into.dynamicEnum = de;
        break;
      }
    }
  }

  dynamicValue(node: JsonNode): DynamicValue | undefined {
    if (node.type !== 'object') return undefined; // null means none; other types: schema error
    const e = this.entries(node);
    const fs = e.get('fromStep')?.value;
    const valueN = e.get('value')?.value;
    const answerN = e.get('answer')?.value;
    const fromStep = fs ? value(fs) : undefined;
    if (typeof fromStep !== 'number' || !Number.isInteger(fromStep) || fromStep < 0) return undefined; // schema error
    const hasValue = valueN !== undefined;
    const hasAnswer = answerN !== undefined;
    if (hasValue && hasAnswer) {
      this.problems.push({
        rule: dynamicValueShape,
        offset: node.offset,
        length: 1,
        message:
          'This dynamicValue has both "value" and "answer": keep "value" (a path in that step\'s response) or "answer" (a path in the inputs submitted in that step), not both.',
      });
      return undefined;
    }
    if (!hasValue && !hasAnswer) {
      this.problems.push({
        rule: dynamicValueShape,
        offset: node.offset,
        length: 1,
        message: `This dynamicValue has neither "value" nor "answer": add "value": "id" (a path in step ${fromStep}'s response) or "answer": "<input name>" (a path in its inputs).`,
      });
      return undefined;
    }
    const path = value((valueN ?? answerN)!);
    if (typeof path !== 'string') return undefined; // schema error
    const dv: DynamicValue = hasValue
      ? { fromStep, value: path, range: this.range(node) }
      : { fromStep, answer: path, range: this.range(node) };
    return this.remember(dv, node);
  }

  dynamicEnum(node: JsonNode): DynamicEnum | undefined {
    const v = value(node);
    if (!isObject(v) || typeof v.path !== 'string') return undefined;
    const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
    const de: DynamicEnum = {
      path: v.path,
      parameters: Array.isArray(v.parameters)
        ? v.parameters
            .filter(isObject)
            .filter((p) => typeof p.name === 'string')
            .map((p) => ({ name: p.name as string, value: p.value }))
        : [],
    };
    for (const k of ['method', 'array', 'value', 'label'] as const) {
      const s = str(v[k]);
      if (s !== undefined) de[k] = s;
    }
    return this.remember(de, node);
  }

  parameter(node: JsonNode): Parameter | undefined {
    if (node.type !== 'object') return undefined;
    const e = this.entries(node);
    const name = e.get('name')?.value;
    const nameV = name ? value(name) : undefined;
    if (typeof nameV !== 'string') return undefined; // reported by the schema
    const p: Parameter = { name: nameV, extra: {}, range: this.range(node) };
    const used = this.annotations(e, p, nameV);
    used.add('name');
    const inV = e.get('in')?.value;
    if (inV) {
      used.add('in');
      const v = value(inV);
      if (typeof v === 'string' && LOCATIONS.has(v)) p.in = v as ParameterLocation;
    }
    const req = e.get('required')?.value;
    if (req) {
      used.add('required');
      const v = value(req);
      if (typeof v === 'boolean') p.required = v;
    }
    const sch = e.get('schema')?.value;
    if (sch) {
      used.add('schema');
      const s = this.schemaNode(sch, 0);
      if (s) p.schema = s;
    }
    for (const [k, v] of e) if (!used.has(k) && v.value) setOwn(p.extra, k, value(v.value));
    return this.remember(p, node);
  }

  schemaNode(node: JsonNode, depth: number, name?: string): SchemaNode | undefined {
    if (node.type !== 'object' || depth > 64) return undefined;
    const e = this.entries(node);
    const s: SchemaNode = { extra: {}, range: this.range(node) };
    const used = this.annotations(e, s, name);
    const props = e.get('properties')?.value;
    if (props) {
      used.add('properties');
      if (props.type === 'object') {
        const out: Record<string, SchemaNode> = {};
        for (const [k, v] of this.entries(props)) {
          if (!v.value) continue;
          const child = this.schemaNode(v.value, depth + 1, k);
          if (child) {
            // Own-property only, so that a key like "__proto__" stays data.
            Object.defineProperty(out, k, { value: child, enumerable: true, writable: true, configurable: true });
          }
        }
        s.properties = out;
      }
    }
    const items = e.get('items')?.value;
    if (items) {
      used.add('items');
      const child = this.schemaNode(items, depth + 1);
      if (child) s.items = child;
    }
    const req = e.get('required')?.value;
    if (req) {
      used.add('required');
      const v = value(req);
      if (Array.isArray(v)) s.required = v.filter((x): x is string => typeof x === 'string');
    }
    for (const [k, v] of e) {
      if (!used.has(k) && v.value) {
        Object.defineProperty(s.extra, k, { value: value(v.value), enumerable: true, writable: true, configurable: true });
      }
    }
    return this.remember(s, node);
  }
}

/** The credential an input named `name` stands for (`partnerId`, `secret`, `userId`, `ks`; case-insensitive). */
export function secretByName(name: string): SecretName | undefined {
  const n = name.toLowerCase();
  if (n === 'adminsecret') return 'secret';
  for (const s of SECRETS) if (s.toLowerCase() === n) return s as SecretName;
  return undefined;
}

export function value(node: JsonNode): unknown {
  try {
    return nodeValue(node);
  } catch {
    return undefined;
  }
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Sets an own enumerable property, so that keys such as "__proto__" stay plain data. */
export function setOwn(obj: Record<string, unknown>, key: string, v: unknown): void {
  Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
}
