/**
 * From a RequestModel to what every generator prints: the call's arguments in the operation's
 * argument order (a skipped argument before a sent one takes its default), and the emission of
 * argument values as statements through a small per-language `Emitter`.
 */
import type { ApiDescription, Operation, TypeRef } from '../description/types';
import { TOKEN_ID_ARG, digestLabel, isTokenHash, tokenDigest, type DigestName } from '../description/kaltura/app-token-hash';
import { operationPath } from '../description/operation-path';
import type { Field, RequestModel, Value } from '../request/types';
import { KS_PLACEHOLDER, SECRET_PLACEHOLDER, type CodegenContext } from './types';
import { type NameAllocator, lowerFirst, stripKaltura } from './naming';

export type RefValue = Extract<Value, { kind: 'ref' }>;
export type FileValue = Extract<Value, { kind: 'file' }>;
export type EnumValue = Extract<Value, { kind: 'enum' }>;

export interface ArgPlan {
  name: string;
  type?: TypeRef;
  value: Value;
  /** A required argument the model has no value for: the sample declares it for the reader to fill in. */
  missing?: boolean;
  /**
   * A missing argument the sample computes itself where the language's emitter can (else it stays
   * a FILL IN): appToken.startSession's tokenHash (lib/description/kaltura/app-token-hash.ts).
   */
  computed?: TokenHashPlan;
}

/**
 * The hexadecimal `digest` of the KS the call is made with followed by `token`: the `token` of the
 * result whose `id` the call sends (a FILL IN when the id was typed). `digest` is the hashType the
 * step that made the token sent (whole programs), else the default; `assumed` says it was not known.
 */
export interface TokenHashPlan {
  kind: 'tokenHash';
  token?: RefValue;
  digest: DigestName;
  assumed: boolean;
}

export interface CallPlan {
  model: RequestModel;
  op?: Operation;
  args: ArgPlan[];
  /** The operation's result type (absent for an operation that answers nothing, or no operation). */
  result?: TypeRef | undefined;
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

/** The operation of a model (by its URL service id first: plugin services share names). */
export function operationOf(model: RequestModel, api?: ApiDescription): Operation | undefined {
  if (!api) return undefined;
  if (model.serviceId) {
    const byPath = api.operation(operationPath(model.serviceId, model.action));
    if (byPath) return byPath;
  }
  return api.operationByName(model.service, model.action);
}

/** The client plugin that holds the model's service (`metadata`), if any. */
export function pluginOf(model: RequestModel, api?: ApiDescription): string | undefined {
  return model.plugin ?? operationOf(model, api)?.plugin;
}

/**
 * The call's arguments in argument order, up to the last one the model sends; required
 * arguments the model has no value for are kept (`missing`), so samples declare them. `program`:
 * every model of a whole-recipe program (what earlier steps sent, e.g. an app token's hashType).
 */
export function planCall(original: RequestModel, ctx: CodegenContext, program?: readonly RequestModel[]): CallPlan {
  const api = ctx.api;
  const model = maskModel(original, ctx);
  const op = operationOf(model, api);
  if (!op) return { model, args: model.params.map((f) => ({ name: f.name, value: f.value })) };
  const byName = new Map<string, Field>();
  for (const f of model.params) byName.set(f.name, f);
  let last = -1;
  op.params.forEach((p, i) => {
    if (byName.has(p.name) || p.required) last = i;
  });
  const args: ArgPlan[] = [];
  op.params.forEach((p, i) => {
    if (i > last) return;
    const f = byName.get(p.name);
    if (f) args.push({ name: p.name, type: p.type, value: typed(f.value, p.type, api) });
    else if (p.required) args.push({ name: p.name, type: p.type, value: { kind: 'null' }, missing: true });
    else args.push({ name: p.name, type: p.type, value: defaultValue(p.type, p.default, api) });
  });
  for (const f of model.params) if (!op.params.some((p) => p.name === f.name)) args.push({ name: f.name, value: f.value });
  for (const a of args) if (a.missing && isTokenHash(model.service, model.action, a.name)) a.computed = tokenHashPlan(model, program);
  return { model, op, args, result: op.result };
}

/** How a sample computes appToken.startSession's tokenHash (see TokenHashPlan). */
function tokenHashPlan(model: RequestModel, program: readonly RequestModel[] | undefined): TokenHashPlan {
  const id = model.params.find((f) => f.name === TOKEN_ID_ARG)?.value;
  const segs = id?.kind === 'ref' && id.source === 'value' ? pathSegments(id.path) : [];
  if (id?.kind !== 'ref' || segs[segs.length - 1] !== 'id') return { kind: 'tokenHash', digest: tokenDigest(undefined)!, assumed: true };
  const token: RefValue = { kind: 'ref', fromStep: id.fromStep, source: 'value', path: [...segs.slice(0, -1), 'token'].join('.') };
  const source = program?.find((m) => m.stepIndex === id.fromStep);
  const sent = source ? hashTypeSent(source.params.map((f) => f.value)) : undefined;
  const digest = sent === undefined ? undefined : tokenDigest(sent);
  return digest
    ? { kind: 'tokenHash', token, digest, assumed: false }
    : { kind: 'tokenHash', token, digest: tokenDigest(undefined)!, assumed: true };
}

/** The `hashType` an appToken.add/update sent (in its appToken object), if any. */
function hashTypeSent(values: Value[]): string | undefined {
  for (const v of values) {
    if (v.kind !== 'object') continue;
    const f = v.fields.find((x) => x.name === 'hashType')?.value;
    if (f?.kind === 'enum' || f?.kind === 'string') return String(f.value);
  }
  return undefined;
}

/**
 * A value as the client expects it for its declared type: numbers and booleans typed as such
 * (a form or JSON may hold `"1"`), enum members as constants, objects with their class (the
 * declared one when the value names none) and their properties typed the same way.
 */
export function typed(value: Value, type: TypeRef | undefined, api: ApiDescription | undefined): Value {
  if (!type) return value;
  switch (value.kind) {
    case 'string': {
      const s = value.value.trim();
      if (type.kind === 'int' && /^-?\d+$/.test(s) && Number.isSafeInteger(Number(s))) return { kind: 'int', value: Number(s) };
      if (type.kind === 'float' && s !== '' && Number.isFinite(Number(s))) return { kind: 'float', value: Number(s) };
      if (type.kind === 'bool' && /^(true|false|1|0)$/i.test(s)) return { kind: 'bool', value: /^(true|1)$/i.test(s) };
      if (type.kind === 'enum') return enumMember(type.name, value.value, api) ?? value;
      return value;
    }
    case 'bool':
      // A boolean for an int enum (KalturaNullableBoolean): the member the wire form (1/0) names.
      if (type.kind === 'enum') return enumMember(type.name, value.value ? 1 : 0, api) ?? value;
      if (type.kind === 'int') return { kind: 'int', value: value.value ? 1 : 0 };
      return value;
    case 'int':
    case 'float':
      if (type.kind === 'enum') return enumMember(type.name, value.value, api) ?? value;
      if (type.kind === 'bool' && (value.value === 0 || value.value === 1)) return { kind: 'bool', value: value.value === 1 };
      if (type.kind === 'string') return { kind: 'string', value: String(value.value) };
      if (type.kind === 'float' && value.kind === 'int') return { kind: 'float', value: value.value };
      return value;
    case 'enum':
      if (type.kind === 'enum' && type.name !== value.enumType) return enumMember(type.name, value.value, api) ?? value;
      return value;
    case 'object': {
      const className = value.className || (type.kind === 'object' ? type.className : '');
      const fields = value.fields.map((f) => {
        const prop = className && api ? api.allProperties(className).find((p) => p.name === f.name) : undefined;
        return { ...f, value: typed(f.value, prop?.type, api) };
      });
      return { kind: 'object', className, fields };
    }
    case 'array': {
      const item: TypeRef | undefined =
        type.kind === 'array' || type.kind === 'map'
          ? /^(string|int|float|bool)$/.test(type.itemClass)
            ? ({ kind: type.itemClass } as TypeRef)
            : { kind: 'object', className: type.itemClass }
          : undefined;
      const itemClass = value.itemClass ?? (item?.kind === 'object' ? item.className : undefined);
      const items = value.items.map((i) => typed(i, item, api));
      return itemClass ? { kind: 'array', itemClass, items } : { kind: 'array', items };
    }
    case 'ref':
      return value.resolved ? { ...value, resolved: typed(value.resolved, type, api) } : value;
    default:
      return value;
  }
}

function enumMember(enumType: string, v: string | number, api: ApiDescription | undefined): Value | undefined {
  const e = api?.getEnum(enumType);
  if (!e) return undefined;
  const m = e.values.find((x) => String(x.value) === String(v)) ?? e.values.find((x) => x.name === String(v));
  return m ? { kind: 'enum', enumType, value: m.value, constant: m.name } : undefined;
}

/** A readable variable name for a call's result: `uploadToken`, `mediaEntry`, `ks`. */
export function resultBaseName(plan: CallPlan): string {
  const r = plan.result;
  if (plan.model.service.toLowerCase() === 'session' && plan.model.action === 'start') return 'ks';
  if (r?.kind === 'object') return lowerFirst(stripKaltura(r.className));
  if (r?.kind === 'array') return plural(lowerFirst(stripKaltura(r.itemClass)));
  return 'result';
}

/** `baseEntry` -> `baseEntries`, `cuePoint` -> `cuePoints`, `class` -> `classes`. */
export function plural(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  return `${name}s`;
}

/** How a declared variable is typed (java, csharp, swift need it). */
export type DeclType =
  | { kind: 'string' | 'int' | 'float' | 'bool' | 'file' | 'unknown' }
  | { kind: 'enum'; name: string }
  | { kind: 'object'; className: string }
  | { kind: 'array'; itemClass?: string | undefined }
  /** A plain string-keyed map (an object of no known class). */
  | { kind: 'map' };

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
        return { kind: 'object', className: value.kind === 'object' && value.className ? value.className : type.className };
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
      return value.className ? { kind: 'object', className: value.className } : { kind: 'map' };
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
  /** An enum constant; `asString` when the client types the property as a plain string (`orderBy`). */
  enumConst(v: EnumValue, asString?: boolean): string;
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
  /** A plain map of property names to expressions (objects of no known class). */
  map(entries: Array<[string, string]>): string;
  /** A line comment. */
  comment(text: string): string;
  /**
   * Typed clients: `expr` (a number read from an earlier result) as the string a property or
   * argument of type string takes (`String.valueOf(x)`); loosely typed clients leave it as is.
   */
  numberToString?(expr: string): string;
  /** A declared variable used as an expression, where the language marks it (`$entry` in PHP). */
  varRef?(v: string): string;
  /**
   * Statements declaring `v` as the lower-case hexadecimal `digest` of the strings `parts`
   * concatenated (an app token's hash); `st.uses` may record what they import, `st.awaits` that they
   * await. Only for the `digests` the language computes; for others the value stays a FILL IN.
   */
  hexDigest?(v: string, digest: DigestName, parts: string[], st: EmitState): string[];
  digests?: readonly DigestName[];
  /**
   * Whole programs: an argument read from an earlier result is passed as that expression instead
   * of a variable declared with the description's type (Java: the client's getter may answer a
   * Long where the description says integer, which an `int` variable cannot hold but a `long`
   * argument takes).
   */
  inlineReads?: boolean;
}

function varRef(st: EmitState, v: string): string {
  return st.em.varRef ? st.em.varRef(v) : v;
}

export interface EmitState {
  em: Emitter;
  names: NameAllocator;
  ctx: CodegenContext;
  /** Whole-recipe programs: the expression for a ref (a variable holding an earlier result). */
  refExpr?: (ref: RefValue) => string | undefined;
  /** Whole-recipe programs: the declared type of what a ref reads (for conversions between typed values). */
  refType?: (ref: RefValue) => TypeRef | undefined;
  /** Class and enum names used (for imports). */
  uses: Set<string>;
  /**
   * Declarations the reader fills in (required arguments without a value, results of steps that
   * have not run), printed at the top of the sample.
   */
  fillIns: string[];
  /** The expression of the KS the calls are made with (`client.getKs()`), where the sample has one. */
  ks?: string;
  /** Set when an emitted statement awaits (browser digests): the generator runs the call in an async function. */
  awaits?: boolean;
}

/** The marker that starts the comment of every value the reader must fill in. */
export const FILL_IN = 'FILL IN:';

/** `uploadTokenId` -> `YOUR_UPLOAD_TOKEN_ID`. */
export function placeholderText(name: string): string {
  const c = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return `YOUR_${c || 'VALUE'}`;
}

/** A placeholder value of the declared type (strings say what they stand for). */
function placeholderValue(name: string, type: TypeRef | undefined, api: ApiDescription | undefined): Value {
  switch (type?.kind) {
    case 'int':
      return { kind: 'int', value: 0 };
    case 'float':
      return { kind: 'float', value: 0 };
    case 'bool':
      return { kind: 'bool', value: false };
    case 'enum': {
      const m = api?.getEnum(type.name)?.values[0];
      return m ? { kind: 'enum', enumType: type.name, value: m.value, constant: m.name } : { kind: 'string', value: placeholderText(name) };
    }
    case 'object':
      return { kind: 'object', className: type.className, fields: [] };
    case 'array':
    case 'map':
      return { kind: 'array', items: [] };
    case 'file':
      return { kind: 'file', name: 'file', size: 0 };
    default:
      return { kind: 'string', value: placeholderText(name) };
  }
}

/** Declares a variable the reader fills in, at the top of the sample; returns its name. */
export function fillIn(st: EmitState, hint: string, type: TypeRef | undefined, why: string): string {
  const v = st.names.alloc(st.em.varName(hint));
  const value = placeholderValue(hint, type, st.ctx.api);
  const stmts: string[] = [];
  let decl: string[];
  if (value.kind === 'object') {
    decl = [];
    emitObject(v, value, st, decl);
  } else if (value.kind === 'file') {
    decl = st.em.file(v, `/path/to/${hint}`, value);
  } else {
    decl = [st.em.declare(v, valueExpr(value, st, stmts, hint), declTypeOf(value, type))];
  }
  st.fillIns.push(st.em.comment(`${FILL_IN} ${why}`), ...stmts, ...decl);
  return v;
}

function refWhy(ref: RefValue): string {
  const what =
    ref.source === 'answer'
      ? `the ${ref.path.replace(/^body\./, '')} you gave in step ${ref.fromStep + 1}`
      : `${ref.path || 'the result'} of step ${ref.fromStep + 1}'s result`;
  return `${what} (run that step first, or paste the value here).`;
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
export function valueExpr(value: Value, st: EmitState, stmts: string[], hint: string, type?: TypeRef): string {
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
      return em.enumConst(value, type?.kind === 'string' || hint === 'orderBy');
    case 'object': {
      const v = st.names.alloc(em.varName(hint));
      emitObject(v, value, st, stmts);
      return varRef(st, v);
    }
    case 'array': {
      if (value.itemClass) st.uses.add(value.itemClass);
      const items = value.items.map((item) => valueExpr(item, st, stmts, hint + 'Item'));
      return em.array(items, value.itemClass);
    }
    case 'file': {
      const v = st.names.alloc(em.varName(hint));
      stmts.push(...em.file(v, filePathOf(value, st.ctx), value));
      return varRef(st, v);
    }
    case 'ref': {
      const expr = st.refExpr?.(value);
      if (expr !== undefined) return refAs(expr, value, type, st);
      if (value.resolved) return valueExpr(value.resolved, st, stmts, hint);
      return varRef(st, fillIn(st, hint, type, refWhy(value)));
    }
  }
}

export function emitObject(v: string, value: Extract<Value, { kind: 'object' }>, st: EmitState, stmts: string[]): void {
  if (!value.className) {
    // No class is known (a foreign description, a pasted object): a plain map where the language has one.
    const entries: Array<[string, string]> = [];
    for (const f of value.fields) entries.push([f.name, valueExpr(f.value, st, stmts, f.name)]);
    stmts.push(st.em.declare(v, st.em.map(entries), { kind: 'map' }));
    return;
  }
  st.uses.add(value.className);
  stmts.push(...st.em.newObject(v, value.className));
  const props = st.ctx.api?.allProperties(value.className) ?? [];
  for (const f of value.fields) {
    const expr = valueExpr(f.value, st, stmts, f.name, props.find((p) => p.name === f.name)?.type);
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
    if (a.computed) {
      const v = emitTokenHash(a.name, a.computed, st, stmts);
      if (v) {
        args.push({ name: a.name, varName: v });
        continue;
      }
    }
    if (a.missing) {
      const why = `${a.name} (required${a.type ? ', ' + typeLabel(a.type) : ''}): no value was given.`;
      args.push({ name: a.name, varName: fillIn(st, a.name, a.type, why) });
      continue;
    }
    const refE = value.kind === 'ref' ? st.refExpr?.(value) : undefined;
    if (value.kind === 'ref' && refE === undefined && value.resolved) value = value.resolved;
    if (value.kind === 'ref' && refE === undefined) {
      args.push({ name: a.name, varName: fillIn(st, a.name, a.type, refWhy(value)) });
      continue;
    }
    if (refE !== undefined && st.em.inlineReads) {
      args.push({ name: a.name, varName: refAs(refE, value as RefValue, a.type, st) });
      continue;
    }
    const varName = st.names.alloc(st.em.varName(a.name));
    if (refE !== undefined) {
      stmts.push(st.em.declare(varName, refAs(refE, value as RefValue, a.type, st), declTypeOf(a.value, a.type)));
    } else if (value.kind === 'object') {
      emitObject(varName, value, st, stmts);
    } else if (value.kind === 'file') {
      const decl = st.em.file(varName, filePathOf(value, st.ctx), value);
      // A file not chosen yet: its placeholder path comes first, where the reader fills it in.
      if (value.placeholder) stmts.unshift(...decl);
      else stmts.push(...decl);
    } else {
      const expr = valueExpr(value, st, stmts, a.name + 'Item', a.type);
      stmts.push(st.em.declare(varName, expr, declTypeOf(value, a.type)));
    }
    args.push({ name: a.name, varName });
  }
  return { stmts, args };
}

/**
 * Declares `name` as an app token's hash computed in the sample (TokenHashPlan); undefined when the
 * language has no way to (the caller then declares a FILL IN).
 */
function emitTokenHash(name: string, plan: TokenHashPlan, st: EmitState, stmts: string[]): string | undefined {
  if (!st.em.hexDigest || !(st.em.digests ?? []).includes(plan.digest)) return undefined;
  const pre: string[] = [];
  const token = plan.token
    ? valueExpr(plan.token, st, pre, 'token', { kind: 'string' })
    : varRef(st, fillIn(st, 'token', { kind: 'string' }, 'the application token (the `token` appToken.add answered for this id).'));
  const ks = st.ks ?? varRef(st, fillIn(st, 'ks', { kind: 'string' }, 'the KS this call is made with (the session your client sends).'));
  const v = st.names.alloc(st.em.varName(name));
  stmts.push(...pre, ...tokenHashNotes(name, plan).map((t) => st.em.comment(t)), ...st.em.hexDigest(v, plan.digest, [ks, token], st));
  return v;
}

/** The comments above a computed token hash: what it is, and the hashType it assumes when that is not known. */
export function tokenHashNotes(name: string, plan: TokenHashPlan): string[] {
  const label = digestLabel(plan.digest);
  return [
    `${name}: the ${label} of the KS this call is made with followed by the token, in hexadecimal (what appToken.startSession checks).`,
    ...(plan.assumed ? [`${label} is the token's hashType here; hash with the token's own hashType if it has another.`] : []),
  ];
}

function typeLabel(t: TypeRef): string {
  switch (t.kind) {
    case 'enum':
      return t.name;
    case 'object':
      return t.className;
    case 'array':
    case 'map':
      return `${t.kind} of ${t.itemClass}`;
    default:
      return t.kind;
  }
}

/** Splits a dotted response path: `objects.0.id` -> ['objects', 0, 'id']. */
/** A ref's expression converted to the target's type where a typed client needs it (a number into a string). */
function refAs(expr: string, ref: RefValue, target: TypeRef | undefined, st: EmitState): string {
  if (target?.kind !== 'string' || !st.em.numberToString) return expr;
  const source = st.refType?.(ref);
  return source?.kind === 'int' || source?.kind === 'float' ? st.em.numberToString(expr) : expr;
}

/** The declared type at `segs` inside a value of type `t` (properties of classes, items of arrays). */
export function typeAtPath(t: TypeRef | undefined, segs: Array<string | number>, api: ApiDescription | undefined): TypeRef | undefined {
  let cur = t;
  for (const seg of segs) {
    if (!cur) return undefined;
    if (typeof seg === 'number') {
      if (cur.kind !== 'array') return undefined;
      cur = /^(string|int|float|bool)$/.test(cur.itemClass)
        ? ({ kind: cur.itemClass } as TypeRef)
        : { kind: 'object', className: cur.itemClass };
    } else if (cur.kind === 'object') {
      cur = api?.allProperties(cur.className).find((p) => p.name === seg)?.type;
    } else {
      return undefined;
    }
  }
  return cur;
}

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

/** What a sample prints after a call: the values a reader needs next (ids, status, counts). */
export type ResultShape =
  | { kind: 'void' }
  | { kind: 'scalar' }
  | { kind: 'object'; fields: string[] }
  /** `listResponse`: the class derives from KalturaListResponse (typed clients have `ListResponse<T>` for those only). */
  | { kind: 'list'; fields: string[]; itemFields: string[]; itemClass: string; listResponse: boolean }
  | { kind: 'unknown' };

/**
 * The paths of each step's result that later models read (their `value` refs), by step, in the
 * order first read: a whole program prints them as a step sample does with `ctx.reads`.
 */
export function readsOf(models: readonly RequestModel[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const visit = (v: Value): void => {
    if (v.kind === 'ref' && v.source === 'value') {
      const list = out.get(v.fromStep) ?? [];
      if (!list.includes(v.path)) list.push(v.path);
      out.set(v.fromStep, list);
    } else if (v.kind === 'object') for (const f of v.fields) visit(f.value);
    else if (v.kind === 'array') for (const item of v.items) visit(item);
  };
  for (const m of models) for (const f of m.params) visit(f.value);
  return out;
}

/** A value a later step reads, as printed: its label (the path) and segments. */
export interface PrintedRead {
  path: string;
  segs: Array<string | number>;
}

/**
 * Of the paths later steps read (`reads`), those the usual lines of `shape` do not print already:
 * `top` ones as lines of their own after them (`object.id: 0_abc`), and those inside a list's items
 * (`objects.0.version`) as more fields of every item's line (`version: 3`, relative to the item),
 * so an empty list prints nothing it does not have. A void or scalar result, the whole result and
 * results of no known shape add nothing.
 */
export function extraReads(shape: ResultShape, reads: readonly string[] | undefined): { top: PrintedRead[]; item: PrintedRead[] } {
  const out = { top: [] as PrintedRead[], item: [] as PrintedRead[] };
  if (!reads || (shape.kind !== 'object' && shape.kind !== 'list')) return out;
  for (const path of reads) {
    const segs = pathSegments(path);
    if (segs.length === 0) continue;
    if (segs.length === 1 && shape.fields.includes(String(segs[0]))) continue;
    if (shape.kind === 'list' && segs[0] === 'objects' && typeof segs[1] === 'number' && segs.length > 2) {
      const rel = segs.slice(2);
      const label = rel.join('.');
      if ((rel.length === 1 && shape.itemFields.includes(label)) || out.item.some((r) => r.path === label)) continue;
      out.item.push({ path: label, segs: rel });
      continue;
    }
    if (!out.top.some((r) => r.path === path)) out.top.push({ path, segs });
  }
  return out;
}

const SHOWN = ['id', 'name', 'fileName', 'status'];
/** Objects without an id (a session's info): what identifies them instead. */
const SHOWN_ELSE = ['ks', 'partnerId', 'userId', 'sessionType', 'expiry'];

function shownFields(className: string, api: ApiDescription): string[] {
  const props = api
    .allProperties(className)
    .map((p) => p.name)
    .filter((p) => p !== 'objectType');
  const out = SHOWN.filter((f) => props.includes(f));
  if (out.length) return out;
  const other = SHOWN_ELSE.filter((f) => props.includes(f));
  return other.length ? other : props.slice(0, 1);
}

export function resultShape(plan: CallPlan, api: ApiDescription | undefined): ResultShape {
  if (!plan.op || !api) return { kind: 'unknown' };
  const r = plan.result;
  if (!r) return { kind: 'void' };
  if (r.kind === 'object') {
    const props = api.allProperties(r.className);
    const objects = props.find((p) => p.name === 'objects');
    if (objects && objects.type.kind === 'array' && props.some((p) => p.name === 'totalCount')) {
      const item = objects.type.itemClass;
      let listResponse = false;
      for (let c = api.getClass(r.className); c && !listResponse; c = c.base ? api.getClass(c.base) : undefined)
        listResponse = c.name === 'KalturaListResponse';
      return {
        kind: 'list',
        fields: ['totalCount'],
        itemFields: api.getClass(item) ? shownFields(item, api) : [],
        itemClass: item,
        listResponse,
      };
    }
    if (props.length === 0) return { kind: 'unknown' };
    return { kind: 'object', fields: shownFields(r.className, api) };
  }
  if (r.kind === 'array' || r.kind === 'map') return { kind: 'unknown' };
  return { kind: 'scalar' };
}
