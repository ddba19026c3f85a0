/**
 * buildForm: merges a step's `parameters` with the operation of the API description, as
 * recipe-format.md says. Recipe keys win; a narrowed body schema selects properties whose full
 * definitions (type, enum and labels) come from the description; an abstract class offers its
 * concrete subclasses; a preset `objectType` is shown read-only.
 */
import { parseOperationPath } from '@/lib/description/operation-path';
import type { ApiDescription, Operation, TypeRef } from '@/lib/description/types';
import type { Annotations, SchemaNode, Step } from '@/lib/recipe/types';
import type { EnumOption, FieldKind, FormField, FormModel, Widget } from './types';

/** A recipe node: a Parameter entry or a SchemaNode (both carry annotations). */
type Node = Annotations & { properties?: Record<string, SchemaNode>; items?: SchemaNode; required?: string[] | boolean };

/** Nested objects without a narrowing schema are expanded this deep (deeper ones are left out). */
const MAX_AUTO_DEPTH = 2;

const SECRET_NAMES = new Set(['secret', 'ks', 'adminSecret']);

/** `VIDEO [1]`: how a dropdown item reads. */
export function optionText(o: EnumOption): string {
  return `${o.label} [${String(o.value)}]`;
}

export function buildForm(step: Step, api: ApiDescription): FormModel {
  const call = step.apiCall;
  const model: FormModel = {
    stepIndex: step.index,
    paramOrder: [],
    requiresKs: true,
    known: false,
    fields: [],
    notes: [],
  };
  if (!call) return model;
  const op = call.path ? api.operation(call.path) : undefined;
  if (op) {
    model.service = op.service;
    model.action = op.action;
    if (op.serviceId) model.serviceId = op.serviceId;
    if (op.plugin) model.plugin = op.plugin;
    model.paramOrder = op.params.map((p) => p.name);
    model.requiresKs = op.requiresKs;
    model.known = true;
  } else if (call.path) {
    const parsed = parseOperationPath(call.path);
    if (parsed?.action !== undefined) {
      model.service = parsed.service;
      model.action = parsed.action;
    }
    model.notes.push(`The API description has no operation ${call.path}: the form shows the recipe's parameters as written, as text.`);
  }
  const ctx: Ctx = { api, op, model };
  const ignore = new Set(call.ignoreParameters);
  const allParams = () => (op ? op.params.filter((p) => !ignore.has(p.name)) : []);

  if (call.parameters.length === 0 && call.ignoreParameters.length > 0) {
    for (const p of allParams()) model.fields.push(topField(ctx, p.name, undefined, p.name));
  }
  for (const p of call.parameters) {
    const isBody = p.in === 'body' || (p.name === 'body' && p.in === undefined && !!p.schema);
    if (isBody) {
      const props = p.schema?.properties;
      if (props && Object.keys(props).length > 0) {
        for (const [name, node] of Object.entries(props)) {
          if (ignore.has(name)) continue;
          const required = Array.isArray(p.schema?.required) && p.schema!.required.includes(name);
          model.fields.push(topField(ctx, name, node, `body.${name}`, required));
        }
      } else {
        for (const op2 of allParams()) model.fields.push(topField(ctx, op2.name, undefined, `body.${op2.name}`));
      }
      continue;
    }
    if (ignore.has(p.name)) continue;
    model.fields.push(topField(ctx, p.name, p, p.name, p.required === true));
  }
  return model;
}

interface Ctx {
  api: ApiDescription;
  op?: Operation | undefined;
  model: FormModel;
}

function topField(ctx: Ctx, name: string, node: Node | undefined, path: string, recipeRequired = false): FormField {
  const opParam = ctx.op?.params.find((p) => p.name === name);
  const custom = node?.custom === true;
  if (!custom && ctx.op && !opParam) {
    ctx.model.notes.push(
      `${ctx.op.service}.${ctx.op.action} has no parameter "${name}"; it is sent as written (mark it "custom" if it is only an input).`,
    );
  }
  const field = makeField(ctx, {
    name,
    path,
    type: custom ? undefined : opParam?.type,
    node,
    required: recipeRequired || (!custom && opParam?.required === true),
    description: opParam?.description,
    opDefault: custom ? undefined : opParam?.default,
    requiredProps: custom ? undefined : opParam?.requiredProperties,
    depth: 0,
  });
  if (!custom) field.param = name;
  return field;
}

interface MakeArgs {
  name: string;
  path: string;
  type?: TypeRef | undefined;
  node?: Node | undefined;
  required: boolean;
  description?: string | undefined;
  opDefault?: unknown;
  readOnly?: boolean | undefined;
  /** Properties the API requires of this object (besides those the recipe marks). */
  requiredProps?: string[] | undefined;
  depth: number;
}

function recipeKind(t: string | undefined): FieldKind | undefined {
  switch (t) {
    case 'string':
      return 'string';
    case 'integer':
    case 'int':
      return 'int';
    case 'number':
    case 'float':
      return 'float';
    case 'boolean':
    case 'bool':
      return 'bool';
    case 'object':
      return 'object';
    case 'array':
      return 'array';
    case 'file':
      return 'file';
    default:
      return undefined;
  }
}

function enumOptions(api: ApiDescription, enumName: string): EnumOption[] | undefined {
  const def = api.getEnum(enumName);
  if (!def) return undefined;
  // One choice per value: an alias (a second name for the same value) is not a second choice.
  const seen = new Set<string>();
  const out: EnumOption[] = [];
  for (const v of def.values) {
    const key = String(v.value);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ value: v.value, label: v.label ?? v.name, constant: v.name });
  }
  return out;
}

function makeField(ctx: Ctx, a: MakeArgs): FormField {
  const { api } = ctx;
  const node = a.node;
  const t = a.type;
  const field: FormField = {
    path: a.path,
    name: a.name,
    label: a.name,
    kind: 'string',
    widget: 'text',
    description: node?.description ?? a.description,
    required: a.required,
    hidden: node?.hidden === true,
    custom: node?.custom === true,
    readOnly: a.readOnly === true,
    global: node?.global === true,
    secret: SECRET_NAMES.has(a.name) || node?.fromSecrets === 'secret' || node?.fromSecrets === 'ks',
  };
  if (node?.inputType) field.inputType = node.inputType;
  if (node?.fromSecrets) field.fromSecrets = node.fromSecrets;
  if (node?.consoleDefault !== undefined) field.consoleDefault = node.consoleDefault;
  const def = node?.default !== undefined ? node.default : a.opDefault;
  if (def !== undefined) field.default = def;
  if (node?.dynamicValue) field.dynamicValue = node.dynamicValue;
  if (node?.dynamicEnum) field.dynamicEnum = node.dynamicEnum;

  // --- kind: recipe enum > recipe type (unless it only restates an enum's base) > description
  const rKind = recipeKind(node?.type);
  if (t?.kind === 'enum') field.enumType = t.name;
  if (node?.enum && node.enum.length > 0) {
    const labels = node.enumLabels ?? [];
    const descOpts = t?.kind === 'enum' ? enumOptions(api, t.name) : undefined;
    const opts: EnumOption[] = node.enum.map((v, i) => {
      const d = descOpts?.find((o) => o.value === v);
      return {
        value: v as string | number | boolean,
        label: labels[i] ?? d?.label ?? String(v),
        ...(d?.constant ? { constant: d.constant } : {}),
      };
    });
    field.options = opts;
    field.kind = node.enum.every((v) => typeof v === 'boolean') ? 'bool' : 'enum';
  } else if (t?.kind === 'enum' && (rKind === undefined || rKind === 'string' || rKind === 'int' || rKind === 'float')) {
    const opts = enumOptions(api, t.name);
    if (opts) {
      field.kind = 'enum';
      field.options = opts;
    } else {
      field.kind = api.getEnum(t.name)?.base === 'string' ? 'string' : 'int';
    }
  } else if (rKind) {
    field.kind = rKind;
  } else if (t) {
    field.kind = t.kind === 'enum' ? 'enum' : t.kind === 'map' ? 'json' : (t.kind as FieldKind);
  } else if (node?.properties) {
    field.kind = 'object';
  } else if (node?.items) {
    field.kind = 'array';
  }
  if (node?.inputType === 'file') field.kind = 'file';

  if (field.kind === 'object') buildObject(ctx, field, t?.kind === 'object' ? t.className : undefined, node, a.depth, a.requiredProps);
  if (field.kind === 'array') {
    const itemClass = t?.kind === 'array' ? t.itemClass : undefined;
    if (itemClass) field.itemClass = itemClass;
    let itemType: TypeRef | undefined;
    if (itemClass) {
      if (api.getClass(itemClass)) itemType = { kind: 'object', className: itemClass };
      else if (api.getEnum(itemClass)) itemType = { kind: 'enum', name: itemClass };
      else itemType = recipeKind(itemClass) ? ({ kind: recipeKind(itemClass) } as TypeRef) : { kind: 'string' };
    }
    field.item = makeField(ctx, {
      name: `${a.name} item`,
      path: `${a.path}.#`,
      type: itemType,
      node: node?.items,
      required: false,
      depth: a.depth + 1,
    });
  }
  field.widget = widgetFor(field);
  return field;
}

function widgetFor(f: FormField): Widget {
  if (f.hidden) return 'hidden';
  if (f.dynamicEnum) return 'select';
  switch (f.inputType) {
    case 'textarea':
      return 'textarea';
    case 'file':
      return 'file';
    case 'dropdown':
      if (f.options) return 'select';
      break;
    case 'number':
      if (f.kind === 'int' || f.kind === 'float' || f.kind === 'string') return 'number';
      break;
    case 'checkboxes':
      if (f.kind === 'bool') return 'checkbox';
      break;
    default:
      break;
  }
  switch (f.kind) {
    case 'int':
    case 'float':
      return 'number';
    case 'bool':
      return f.options ? 'select' : 'checkbox';
    case 'enum':
      return 'select';
    case 'object':
      return 'object';
    case 'array':
      return 'array';
    case 'file':
      return 'file';
    case 'json':
      return 'json';
    default:
      return f.secret ? 'password' : 'text';
  }
}

function buildObject(
  ctx: Ctx,
  field: FormField,
  declared: string | undefined,
  node: Node | undefined,
  depth: number,
  apiRequired: string[] = [],
): void {
  const { api } = ctx;
  if (declared) field.className = declared;
  const otNode = node?.properties?.objectType;
  const preset = otNode?.consoleDefault ?? otNode?.default;
  let subclasses = declared ? api.concreteSubclasses(declared) : [];
  if (otNode?.enum && otNode.enum.length > 0) {
    const allowed = otNode.enum.filter((v): v is string => typeof v === 'string');
    subclasses = declared ? allowed.filter((c) => c === declared || api.isSubclassOf(c, declared)) : allowed;
  }
  if (typeof preset === 'string' && preset) {
    field.presetClass = preset;
    subclasses = [preset];
  } else if (declared && subclasses.length > 1 && !api.getClass(declared)?.abstract) {
    // The declared class first: it is the natural choice when it is concrete.
    subclasses = [declared, ...subclasses.filter((c) => c !== declared)];
  }
  field.subclasses = subclasses;
  const classes = subclasses.length > 0 ? subclasses : [''];
  const byClass: Record<string, FormField[]> = {};
  const narrowed = node?.properties ? Object.entries(node.properties).filter(([k]) => k !== 'objectType') : undefined;
  const requiredList = [...(Array.isArray(node?.required) ? node.required : []), ...apiRequired];
  // A narrowed property that some of the classes have is shown only for those (an item of a list of
  // polymorphic objects may be of a class without it); one that none has is the recipe's own input.
  const hasProp = (cls: string, pn: string) => !!cls && api.allProperties(cls).some((p) => p.name === pn);
  const somewhere = new Set((narrowed ?? []).filter(([pn]) => classes.some((c) => hasProp(c, pn))).map(([pn]) => pn));
  for (const cls of classes) {
    const props = cls ? api.allProperties(cls) : [];
    const fields: FormField[] = [];
    if (narrowed && narrowed.length > 0) {
      for (const [pn, pnode] of narrowed) {
        const pd = props.find((p) => p.name === pn);
        if (!pd && somewhere.has(pn) && pnode.custom !== true) continue;
        fields.push(
          makeField(ctx, {
            name: pn,
            path: `${field.path}.${pn}`,
            type: pd?.type,
            node: pnode,
            required: requiredList.includes(pn),
            description: pd?.description,
            readOnly: pd?.readOnly === true,
            depth: depth + 1,
          }),
        );
      }
    } else if (depth < MAX_AUTO_DEPTH) {
      for (const pd of props) {
        if (pd.readOnly || pd.name === 'objectType') continue;
        if ((pd.type.kind === 'object' || pd.type.kind === 'array') && depth + 1 >= MAX_AUTO_DEPTH) continue;
        fields.push(
          makeField(ctx, {
            name: pd.name,
            path: `${field.path}.${pd.name}`,
            type: pd.type,
            required: requiredList.includes(pd.name),
            description: pd.description,
            depth: depth + 1,
          }),
        );
      }
    }
    byClass[cls] = fields;
  }
  field.fieldsByClass = byClass;
}

/** The property fields shown for the object's current class (`objectType` in its value). */
export function objectFields(field: FormField, value: unknown): FormField[] {
  const by = field.fieldsByClass ?? {};
  const cls = currentClass(field, value);
  return by[cls] ?? by[''] ?? [];
}

/** The object's class: the preset, else the value's objectType when allowed, else the first choice. */
export function currentClass(field: FormField, value: unknown): string {
  if (field.presetClass) return field.presetClass;
  const subs = field.subclasses ?? [];
  const ot = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).objectType : undefined;
  if (typeof ot === 'string' && subs.includes(ot)) return ot;
  return subs[0] ?? '';
}

/** Visits every field (objects: the fields of every class; arrays: the item template). */
export function walkFields(fields: FormField[], visit: (f: FormField) => void): void {
  for (const f of fields) {
    visit(f);
    if (f.fieldsByClass) for (const sub of Object.values(f.fieldsByClass)) walkFields(sub, visit);
    if (f.item) walkFields([f.item], visit);
  }
}
