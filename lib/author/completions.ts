/**
 * Completion items for a cursor context (see cursor-context.ts), independent of Monaco: operation paths
 * and parameter names from the API description, the format's keys with their documentation from
 * the recipe JSON Schemas (lib/recipe/schemas), enum values the schemas list, earlier steps for
 * `fromStep`, properties of the body's classes inside `schema.properties`, and recipe snippets.
 */
import { parseTree, findNodeAtLocation, type JSONPath, type Node } from 'jsonc-parser';
import type { ApiDescription, TypeRef } from '@/lib/description/types';
import type { CursorContext } from './cursor-context';
import { SNIPPETS } from './snippets';

export type SuggestionKind = 'property' | 'value' | 'operation' | 'parameter' | 'snippet' | 'step';

export interface Suggestion {
  label: string;
  kind: SuggestionKind;
  /** Text to insert; a Monaco snippet when `snippet` is true (`$1`, `${1:x}`). */
  insertText: string;
  snippet: boolean;
  /** What Monaco filters on (the label when absent). */
  filterText?: string | undefined;
  /** One line shown beside the label (type, summary). */
  detail?: string | undefined;
  /** Markdown shown in the details pane. */
  documentation?: string | undefined;
  sortText?: string | undefined;
  /** Document offsets to replace. */
  replaceStart: number;
  replaceEnd: number;
}

export interface StepInfo {
  index: number;
  title: string;
  /** Whether the step has a live call (method/path): only those have a response for `value`. */
  hasCall: boolean;
}

export interface CompletionSources {
  api?: ApiDescription | undefined;
  /** lib/recipe/schemas/metadata.schema.json */
  metadataSchema?: unknown;
  /** lib/recipe/schemas/api-call.schema.json */
  apiCallSchema?: unknown;
  /** The steps of the last parse (for `fromStep`). */
  steps?: StepInfo[] | undefined;
  /** Slugs of the known recipes (for `relatedRecipes`). */
  recipeSlugs?: string[];
}

// ---------------------------------------------------------------------------------------------
// JSON Schema walking (just enough for the recipe schemas: $ref, allOf/anyOf/oneOf, properties,
// patternProperties, additionalProperties, items).

type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function resolveRef(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  const parts = ref
    .slice(1)
    .split('/')
    .filter(Boolean)
    .map((p) => decodeURIComponent(p.replace(/~1/g, '/').replace(/~0/g, '~')));
  let cur: unknown = root;
  for (const p of parts) {
    if (!isObj(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

/** The schema node and every node it is combined with ($ref, allOf, anyOf, oneOf), flattened. */
function expand(root: unknown, node: unknown, seen = new Set<unknown>()): Json[] {
  if (!isObj(node) || seen.has(node)) return [];
  seen.add(node);
  const out: Json[] = [node];
  if (typeof node.$ref === 'string') out.push(...expand(root, resolveRef(root, node.$ref), seen));
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
    const list = node[k];
    if (Array.isArray(list)) for (const n of list) out.push(...expand(root, n, seen));
  }
  // if/then/else: offer both branches' keys.
  for (const k of ['then', 'else'] as const) if (isObj(node[k])) out.push(...expand(root, node[k], seen));
  return out;
}

function childSchemas(root: unknown, nodes: Json[], seg: string | number): Json[] {
  const out: Json[] = [];
  for (const n of nodes) {
    if (typeof seg === 'number') {
      if (isObj(n.items)) out.push(...expand(root, n.items));
      else if (Array.isArray(n.prefixItems) && isObj(n.prefixItems[seg])) out.push(...expand(root, n.prefixItems[seg]));
      continue;
    }
    if (isObj(n.properties) && isObj(n.properties[seg])) {
      out.push(...expand(root, n.properties[seg]));
      continue;
    }
    let matched = false;
    if (isObj(n.patternProperties)) {
      for (const [pat, s] of Object.entries(n.patternProperties)) {
        try {
          if (new RegExp(pat).test(seg)) {
            out.push(...expand(root, s));
            matched = true;
          }
        } catch {
          /* a pattern this engine cannot compile: skip */
        }
      }
    }
    if (!matched && isObj(n.additionalProperties)) out.push(...expand(root, n.additionalProperties));
  }
  return out;
}

/** The flattened schema nodes that describe the value at `path` (empty when unknown). */
export function schemaAt(root: unknown, path: JSONPath): Json[] {
  let nodes = expand(root, root);
  for (const seg of path) {
    nodes = childSchemas(root, nodes, seg);
    if (!nodes.length) return [];
  }
  return nodes;
}

export interface KeyDoc {
  key: string;
  description?: string | undefined;
  type?: string | undefined;
  enumValues?: unknown[] | undefined;
  deprecated?: boolean;
}

function typeOf(nodes: Json[]): string | undefined {
  for (const n of nodes) {
    if (typeof n.type === 'string') return n.type;
    if (Array.isArray(n.type)) return n.type.filter((t) => t !== 'null').join(' | ') || undefined;
  }
  for (const n of nodes) if (Array.isArray(n.enum)) return typeof n.enum[0];
  return undefined;
}

function describe(nodes: Json[]): string | undefined {
  for (const n of nodes) if (typeof n.description === 'string' && n.description.trim()) return n.description;
  for (const n of nodes) if (typeof n.title === 'string' && n.title.trim()) return n.title;
  return undefined;
}

function enumOf(nodes: Json[]): unknown[] | undefined {
  const values: unknown[] = [];
  for (const n of nodes) {
    if (Array.isArray(n.enum)) values.push(...n.enum);
    if ('const' in n) values.push(n.const);
  }
  return values.length ? [...new Set(values)] : undefined;
}

/** The keys an object at `path` may have, with their documentation. */
export function keysAt(root: unknown, path: JSONPath): KeyDoc[] {
  const nodes = schemaAt(root, path);
  const keys = new Map<string, KeyDoc>();
  for (const n of nodes) {
    if (!isObj(n.properties)) continue;
    for (const [key, s] of Object.entries(n.properties)) {
      const sub = expand(root, s);
      const prev = keys.get(key);
      const doc: KeyDoc = {
        key,
        description: prev?.description ?? describe(sub),
        type: prev?.type ?? typeOf(sub),
        enumValues: prev?.enumValues ?? enumOf(sub),
        deprecated: sub.some((x) => x.deprecated === true),
      };
      keys.set(key, doc);
    }
  }
  return [...keys.values()];
}

/** The enum values the schema allows at `path`. */
export function enumAt(root: unknown, path: JSONPath): unknown[] {
  return enumOf(schemaAt(root, path)) ?? [];
}

// ---------------------------------------------------------------------------------------------

function valueSnippet(type: string | undefined, key: string): string {
  if (key === 'dynamicValue' || key === 'x-dynamicValue') return '{ "fromStep": ${1:0}, "value": "${2:id}" }';
  if (key === 'dynamicEnum' || key === 'x-dynamicEnum') {
    return '{\n\t"path": "${1:/service/media/action/list}",\n\t"array": "${2:objects}",\n\t"value": "${3:id}",\n\t"label": "${4:name}",\n\t"parameters": []\n}';
  }
  switch (type) {
    case 'string':
      return '"$1"';
    case 'boolean':
      return '${1|true,false|}';
    case 'number':
    case 'integer':
      return '${1:0}';
    case 'array':
      return '[$1]';
    case 'object':
      return '{$1}';
    default:
      return '$1';
  }
}

function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}

function typeLabel(t: TypeRef): string {
  switch (t.kind) {
    case 'enum':
      return t.name;
    case 'object':
      return t.className;
    case 'array':
      return `${t.itemClass}[]`;
    case 'map':
      return `map of ${t.itemClass}`;
    default:
      return t.kind;
  }
}

/** The operation path of the API Call block (`"path"` at the top level), if any. */
function operationPath(tree: Node | undefined): string | undefined {
  if (!tree) return undefined;
  const n = findNodeAtLocation(tree, ['path']);
  return n && typeof n.value === 'string' ? n.value : undefined;
}

/** Class name of the value at `schema.properties.a.properties.b...` inside a body parameter. */
function classAtSchemaPath(api: ApiDescription, opPath: string, segs: JSONPath): string | undefined | null {
  // segs: the path after 'schema': [] or ['properties', 'entry'] or ['properties','entry','properties','x'] ...
  const op = api.operation(opPath);
  if (!op) return undefined;
  let cls: string | null = null; // null: the body itself (its properties are the operation's params)
  for (let i = 0; i < segs.length; i++) {
    const seg = segs[i];
    if (seg === 'properties') {
      const name = segs[i + 1];
      if (typeof name !== 'string') return cls;
      i++;
      const type: TypeRef | undefined =
        cls === null ? op.params.find((p) => p.name === name)?.type : api.allProperties(cls).find((p) => p.name === name)?.type;
      if (!type) return undefined;
      if (type.kind === 'object') cls = type.className;
      else if (type.kind === 'array' || type.kind === 'map') cls = type.itemClass;
      else return undefined;
    } else if (seg === 'items' || seg === 'additionalProperties') {
      continue;
    } else return undefined;
  }
  return cls;
}

function propertyNamesFor(
  api: ApiDescription,
  opPath: string,
  cls: string | null,
): Array<{ name: string; type: TypeRef; description?: string | undefined }> {
  if (cls === null) return api.operation(opPath)?.params ?? [];
  const seen = new Set<string>();
  const out: Array<{ name: string; type: TypeRef; description?: string | undefined }> = [];
  // Properties of the class and of its concrete subclasses (a polymorphic `resource` shows the chosen one's fields).
  for (const c of [cls, ...api.concreteSubclasses(cls)]) {
    for (const p of api.allProperties(c)) {
      if (p.readOnly || seen.has(p.name)) continue;
      seen.add(p.name);
      out.push({ name: p.name, type: p.type, description: p.description });
    }
  }
  if (!seen.has('objectType') && api.getClass(cls))
    out.unshift({
      name: 'objectType',
      type: { kind: 'string' },
      description: `The concrete class (${[cls, ...api.concreteSubclasses(cls)].filter((c, i, a) => a.indexOf(c) === i).join(', ')})`,
    });
  return out;
}

/** The completion items for the cursor context. */
export function suggest(ctx: CursorContext, src: CompletionSources): Suggestion[] {
  const range = { replaceStart: ctx.replaceStart, replaceEnd: ctx.replaceEnd };
  if (ctx.kind === 'none') return snippetSuggestions(ctx);
  const schema = ctx.kind === 'metadata' ? src.metadataSchema : src.apiCallSchema;
  const path = ctx.path;
  const out: Suggestion[] = [];
  const tree = ctx.kind === 'apiCall' ? parseTree(ctx.blockText, [], { allowTrailingComma: true }) : undefined;
  const opPath = operationPath(tree);

  /** A key suggestion: inside quotes insert `key": value`, else `"key": value`. */
  const keyItem = (
    key: string,
    kind: SuggestionKind,
    detail: string | undefined,
    documentation: string | undefined,
    valueType: string | undefined,
    sort: string,
  ): Suggestion => {
    const after = ctx.blockText.slice(ctx.replaceEnd - (ctx.block?.start ?? 0));
    const closed = ctx.inString && after.startsWith('"');
    const hasColon = /^"?\s*:/.test(after);
    const value = hasColon ? '' : valueSnippet(valueType, key);
    const k = escapeSnippet(key);
    const insertText = ctx.inString ? `${k}"${hasColon ? '' : ': ' + value}` : `"${k}"${hasColon ? '' : ': ' + value}`;
    return {
      label: key,
      kind,
      insertText,
      snippet: true,
      filterText: key,
      detail,
      documentation,
      sortText: sort,
      replaceStart: ctx.replaceStart,
      replaceEnd: closed ? ctx.replaceEnd + 1 : ctx.replaceEnd,
    };
  };
  const valueItem = (
    value: unknown,
    kind: SuggestionKind,
    detail?: string,
    documentation?: string,
    sort?: string,
    label?: string,
  ): Suggestion => {
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    const insertText = typeof value === 'string' && !ctx.inString ? JSON.stringify(value) : text;
    return {
      label: label ?? text,
      kind,
      insertText,
      snippet: false,
      filterText: ctx.inString || typeof value !== 'string' ? text : insertText,
      detail,
      documentation,
      sortText: sort,
      ...range,
    };
  };

  if (ctx.isKey) {
    const objPath = path.slice(0, -1);
    // Inside a body schema: `schema.properties` lists the operation's parameters / the class's properties.
    const schemaIdx = ctx.kind === 'apiCall' ? objPath.indexOf('schema') : -1;
    if (
      ctx.kind === 'apiCall' &&
      src.api &&
      opPath &&
      schemaIdx === 2 &&
      objPath[0] === 'parameters' &&
      objPath[objPath.length - 1] === 'properties'
    ) {
      const cls = classAtSchemaPath(src.api, opPath, objPath.slice(schemaIdx + 1, -1));
      if (cls !== undefined) {
        const props = propertyNamesFor(src.api, opPath, cls);
        for (const [i, p] of props.entries())
          out.push(keyItem(p.name, 'parameter', typeLabel(p.type), p.description, 'object', `0${String(i).padStart(4, '0')}`));
        return out;
      }
    }
    const keys = schema ? keysAt(schema, objPath) : [];
    for (const k of keys) {
      if (k.deprecated) continue;
      const detail = k.type ? `${k.type}${k.enumValues ? ': ' + k.enumValues.map((v) => JSON.stringify(v)).join(' | ') : ''}` : undefined;
      const bare = k.key.replace(/^x-/, '');
      // Offer the bare spelling first; the x- spelling (also valid) sorts after it.
      out.push(
        keyItem(
          k.key,
          'property',
          detail,
          k.description,
          k.type,
          (k.key.startsWith('x-') && keys.some((o) => o.key === bare) ? '2' : '1') + k.key,
        ),
      );
    }
    return out;
  }

  // Values.
  const last = path[path.length - 1];
  if (ctx.kind === 'apiCall' && src.api) {
    if (path.length === 1 && last === 'path') {
      const ops = src.api.operations();
      for (const [i, op] of ops.entries())
        out.push(
          valueItem(op.path, 'operation', op.summary ?? `${op.service}.${op.action}`, op.description, `0${String(i).padStart(4, '0')}`),
        );
      return out;
    }
    const op = opPath ? src.api.operation(opPath) : undefined;
    if (op && path.length === 3 && path[0] === 'parameters' && last === 'name') {
      const hasObject = op.params.some((p) => p.type.kind === 'object' || p.type.kind === 'array');
      for (const [i, p] of op.params.entries()) {
        out.push(
          valueItem(
            p.name,
            'parameter',
            `${typeLabel(p.type)}${p.required ? ' (required)' : ''}`,
            p.description,
            `0${String(i).padStart(3, '0')}`,
          ),
        );
      }
      if (hasObject)
        out.push(
          valueItem(
            'body',
            'parameter',
            'JSON body (with "in": "body" and a schema)',
            'The whole request body as JSON: narrow it with `schema.properties`.',
            '1body',
          ),
        );
      return out;
    }
    if (op && path.length === 2 && path[0] === 'ignoreParameters') {
      for (const [i, p] of op.params.entries())
        out.push(valueItem(p.name, 'parameter', typeLabel(p.type), p.description, `0${String(i).padStart(3, '0')}`));
      return out;
    }
  }
  if (last === 'fromStep' && src.steps) {
    const current = ctx.stepIndex;
    for (const s of src.steps) {
      if (current >= 0 && s.index >= current) continue;
      out.push({
        label: String(s.index),
        kind: 'step',
        insertText: String(s.index),
        snippet: false,
        detail: `Step ${s.index + 1}: ${s.title}${s.hasCall ? '' : ' (no API call)'}`,
        documentation: s.hasCall ? undefined : 'This step has no call: only `answer` can refer to it.',
        sortText: String(s.index).padStart(4, '0'),
        ...range,
      });
    }
    return out;
  }
  if (ctx.kind === 'metadata' && path[0] === 'relatedRecipes' && src.recipeSlugs) {
    for (const slug of src.recipeSlugs) out.push(valueItem(slug, 'value', 'recipe'));
    return out;
  }
  if (schema) {
    for (const v of enumAt(schema, path)) out.push(valueItem(v, 'value'));
    if (!out.length) {
      const t = typeOf(schemaAt(schema, path));
      if (t === 'boolean') for (const v of [true, false]) out.push(valueItem(v, 'value'));
    }
  }
  return out;
}

function snippetSuggestions(ctx: CursorContext): Suggestion[] {
  return SNIPPETS.map((s, i) => ({
    label: s.label,
    kind: 'snippet' as const,
    insertText: s.body,
    snippet: true,
    detail: s.detail,
    documentation: s.documentation,
    sortText: `9${i}`,
    filterText: s.label,
    replaceStart: ctx.replaceStart,
    replaceEnd: ctx.replaceEnd,
  }));
}
