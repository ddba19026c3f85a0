/**
 * From a RequestModel to what every generator prints: the call's arguments in the operation's
 * argument order (a skipped argument before a sent one takes its default), and the emission of
 * argument values as statements through a small per-language `Emitter`.
 */
import type { ApiDescription, Operation, TypeRef } from '../api/types';
import type { Field, RequestModel, Value } from '../request/types';
import { unresolvedPlaceholder } from '../request/http';
import { KS_PLACEHOLDER, SECRET_PLACEHOLDER, type CodegenContext } from './types';
import { NameAllocator, lowerFirst, stripKaltura } from './naming';

export type RefValue = Extract<Value, { kind: 'ref' }>;
export type FileValue = Extract<Value, { kind: 'file' }>;
export type EnumValue = Extract<Value, { kind: 'enum' }>;

export interface ArgPlan {
  name: string;
  type?: TypeRef;
  value: Value;
}

export interface CallPlan {
  model: RequestModel;
  op?: Operation;
  args: ArgPlan[];
  result?: TypeRef;
}

function defaultValue(type: TypeRef, def: unknown, api?: ApiDescription): Value {
  if (def === undefined || def === null) return { kind: 'null' };
  switch (type.kind) {
    case 'string':
      return { kind: 'string', value: String(def) };
    case 'int':
      return typeof def === 'number' ? { kind: 'int', value: def } : { kind: 'null' };
    case 'float':
      return typeof def === 'number' ? { kind: 'float', value: def } : { kind: 'null' };
    case 'bool':
      return { kind: 'bool', value: def === true || def === 1 || def === 'true' };
    case 'enum': {
      const e = api?.getEnum(type.name);
      const member = e?.values.find((v) => String(v.value) === String(def));
      if (!member) return typeof def === 'number' ? { kind: 'int', value: def } : { kind: 'string', value: String(def) };
      return { kind: 'enum', enumType: type.name, value: member.value, constant: member.name };
    }
    default:
      return { kind: 'null' };
  }
}

/** A copy of the model whose secret fields hold visible placeholders (when secrets are masked). */
export function maskModel(model: RequestModel, ctx: CodegenContext): RequestModel {
  if (ctx.secrets === 'shown' || !model.params.some((f) => f.secret)) return model;
  return {
    ...model,
    params: model.params.map((f) =>
      f.secret ? { name: f.name, value: { kind: 'string', value: /ks/i.test(f.name) ? KS_PLACEHOLDER : SECRET_PLACEHOLDER } } : f,
    ),
  };
}

/** The call's arguments in argument order, up to the last one the model sends. */
export function planCall(original: RequestModel, ctx: CodegenContext): CallPlan {
  const api = ctx.api;
  const model = maskModel(original, ctx);
  const op = api?.operationByName(model.service, model.action);
  if (!op) return { model, args: model.params.map((f) => ({ name: f.name, value: f.value })) };
  const byName = new Map<string, Field>();
  for (const f of model.params) byName.set(f.name, f);
  let last = -1;
  op.params.forEach((p, i) => {
    if (byName.has(p.name)) last = i;
  });
  const args: ArgPlan[] = [];
  op.params.forEach((p, i) => {
    if (i > last) return;
    const f = byName.get(p.name);
    args.push({ name: p.name, type: p.type, value: f ? f.value : defaultValue(p.type, p.default, api) });
  });
  for (const f of model.params) if (!op.params.some((p) => p.name === f.name)) args.push({ name: f.name, value: f.value });
  return { model, op, args, result: op.result };
}

/** A readable variable name for a call's result: `uploadToken`, `mediaEntry`, `ks`. */
export function resultBaseName(plan: CallPlan): string {
  const r = plan.result;
  if (plan.model.service.toLowerCase() === 'session' && plan.model.action === 'start') return 'ks';
  if (r?.kind === 'object') return lowerFirst(stripKaltura(r.className));
  if (r?.kind === 'array') return lowerFirst(stripKaltura(r.itemClass)) + 's';
  return 'result';
}

/** How a declared variable is typed (java, csharp, swift need it). */
export type DeclType =
  | { kind: 'string' | 'int' | 'float' | 'bool' | 'file' | 'unknown' }
  | { kind: 'enum'; name: string }
  | { kind: 'object'; className: string }
  | { kind: 'array'; itemClass?: string };

export function declTypeOf(value: Value, type?: TypeRef): DeclType {
  if (type) {
    switch (type.kind) {
      case 'string':
      case 'int':
      case 'float':
      case 'bool':
      case 'file':
        return { kind: type.kind };
      case 'enum':
        return { kind: 'enum', name: type.name };
      case 'object':
        return { kind: 'object', className: value.kind === 'object' ? value.className : type.className };
      case 'array':
      case 'map':
        return { kind: 'array', itemClass: type.itemClass };
    }
  }
  switch (value.kind) {
    case 'string':
    case 'int':
    case 'float':
    case 'bool':
    case 'file':
      return { kind: value.kind };
    case 'enum':
      return { kind: 'enum', name: value.enumType };
    case 'object':
      return { kind: 'object', className: value.className };
    case 'array':
      return { kind: 'array', itemClass: value.itemClass };
    case 'ref':
      return value.resolved ? declTypeOf(value.resolved) : { kind: 'string' };
    default:
      return { kind: 'unknown' };
  }
}

/** What a language module supplies to print values. */
export interface Emitter {
  str(s: string): string;
  int(n: number): string;
  float(n: number): string;
  bool(b: boolean): string;
  nil(): string;
  enumConst(v: EnumValue): string;
  /** Statements declaring `v` as a new, empty object of `className`. */
  newObject(v: string, className: string): string[];
  /** A statement setting property `prop` of object variable `v`. */
  setProp(v: string, className: string, prop: string, expr: string): string;
  array(items: string[], itemClass: string | undefined): string;
  /** A statement declaring variable `v` = `expr`. */
  declare(v: string, expr: string, type: DeclType): string;
  /** Statements declaring `v` as the file to upload at `path`. */
  file(v: string, path: string, f: FileValue): string[];
  /** The expression for a variable name in this language's convention (`uploadTokenId`, `upload_token_id`). */
  varName(name: string): string;
}

export interface EmitState {
  em: Emitter;
  names: NameAllocator;
  ctx: CodegenContext;
  /** Whole-recipe programs: the expression for a ref (a variable holding an earlier result). */
  refExpr?: (ref: RefValue) => string | undefined;
  /** Class and enum names used (for imports). */
  uses: Set<string>;
}

export function secretText(s: string, ctx: CodegenContext, kss: readonly string[] = []): string {
  if (ctx.secrets === 'shown' || s === '') return s;
  const c = ctx.connection;
  if (c.secret && s === c.secret) return SECRET_PLACEHOLDER;
  if ((c.ks && s === c.ks) || kss.includes(s)) return KS_PLACEHOLDER;
  return s;
}

/** The file path that generated code opens. */
export function filePathOf(f: FileValue, ctx: CodegenContext): string {
  return ctx.filePath || f.path || `/path/to/${f.name || 'file'}`;
}

/** An expression for `value`; nested objects push their construction onto `stmts`. */
export function valueExpr(value: Value, st: EmitState, stmts: string[], hint: string): string {
  const em = st.em;
  switch (value.kind) {
    case 'string':
      return em.str(secretText(value.value, st.ctx));
    case 'int':
      return em.int(value.value);
    case 'float':
      return em.float(value.value);
    case 'bool':
      return em.bool(value.value);
    case 'null':
      return em.nil();
    case 'enum':
      st.uses.add(value.enumType);
      return em.enumConst(value);
    case 'object': {
      const v = st.names.alloc(em.varName(hint));
      emitObject(v, value, st, stmts);
      return v;
    }
    case 'array': {
      if (value.itemClass) st.uses.add(value.itemClass);
      const items = value.items.map((item) => valueExpr(item, st, stmts, hint + 'Item'));
      return em.array(items, value.itemClass);
    }
    case 'file': {
      const v = st.names.alloc(em.varName(hint));
      stmts.push(...em.file(v, filePathOf(value, st.ctx), value));
      return v;
    }
    case 'ref': {
      const expr = st.refExpr?.(value);
      if (expr !== undefined) return expr;
      if (value.resolved) return valueExpr(value.resolved, st, stmts, hint);
      return em.str(unresolvedPlaceholder(value.fromStep, value.path));
    }
  }
}

export function emitObject(v: string, value: Extract<Value, { kind: 'object' }>, st: EmitState, stmts: string[]): void {
  st.uses.add(value.className);
  stmts.push(...st.em.newObject(v, value.className));
  for (const f of value.fields) {
    const expr = valueExpr(f.value, st, stmts, f.name);
    stmts.push(st.em.setProp(v, value.className, f.name, expr));
  }
}

export interface EmittedArgs {
  stmts: string[];
  /** Argument variables in order. */
  args: Array<{ name: string; varName: string }>;
}

/** Declares one variable per argument (objects built property by property), in argument order. */
export function emitArgs(plan: CallPlan, st: EmitState): EmittedArgs {
  const stmts: string[] = [];
  const args: EmittedArgs['args'] = [];
  for (const a of plan.args) {
    let value = a.value;
    const refE = value.kind === 'ref' ? st.refExpr?.(value) : undefined;
    if (value.kind === 'ref' && refE === undefined && value.resolved) value = value.resolved;
    const varName = st.names.alloc(st.em.varName(a.name));
    if (refE !== undefined) {
      stmts.push(st.em.declare(varName, refE, declTypeOf(a.value, a.type)));
    } else if (value.kind === 'object') {
      emitObject(varName, value, st, stmts);
    } else if (value.kind === 'file') {
      const decl = st.em.file(varName, filePathOf(value, st.ctx), value);
      // A file not chosen yet: its placeholder path comes first, where the reader fills it in.
      if (value.placeholder) stmts.unshift(...decl);
      else stmts.push(...decl);
    } else {
      const expr = valueExpr(value, st, stmts, a.name + 'Item');
      stmts.push(st.em.declare(varName, expr, declTypeOf(value, a.type)));
    }
    args.push({ name: a.name, varName });
  }
  return { stmts, args };
}

/** Splits a dotted response path: `objects.0.id` -> ['objects', 0, 'id']. */
export function pathSegments(path: string): Array<string | number> {
  return path
    .split('.')
    .filter((s) => s !== '')
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Replaces any remaining occurrence of a secret (defence in depth after generation). */
export function scrubSecrets(code: string, ctx: CodegenContext, models: RequestModel[] = []): string {
  if (ctx.secrets === 'shown') return code;
  let out = code;
  const c = ctx.connection;
  if (c.secret && c.secret.length >= 4) out = out.split(c.secret).join(SECRET_PLACEHOLDER);
  const kss = new Set<string>();
  if (c.ks) kss.add(c.ks);
  for (const m of models) if (m.ks) kss.add(m.ks);
  for (const ks of kss) if (ks.length >= 4) out = out.split(ks).join(KS_PLACEHOLDER);
  return out;
}
