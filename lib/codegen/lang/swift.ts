/**
 * swift: the KalturaClient pod. `MediaService.add(entry: entry)` request builders with
 * `.set(completion:)`, sent with `USRExecutor.shared.send(request: builder.build(client))`.
 */
import type { TypeRef } from '../../description/types';
import type { RequestModel } from '../../request/types';
import { NULLABLE_BOOLEAN, RESERVED, lowerFirst, nullableBoolean, pascal, stripKaltura } from '../naming';
import { emitArgs, extraReads, planCall, readsOf, resultShape, type CallPlan, type DeclType, type EmitState, type Emitter } from '../plan';
import { floatLiteral, intLiteral, swiftString } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { chainRefs, finish, indent, newState, resultName, sessionPlan, type ProgramStep, fillInLines } from './common';

function swiftType(t: DeclType): string {
  switch (t.kind) {
    case 'string':
      return 'String';
    case 'int':
      return 'Int';
    case 'float':
      return 'Double';
    case 'bool':
      return 'Bool';
    case 'file':
      return 'RequestFile';
    case 'enum':
      return t.name === NULLABLE_BOOLEAN ? 'Bool' : stripKaltura(t.name);
    case 'object':
      return stripKaltura(t.className);
    case 'array':
      return t.itemClass
        ? `[${{ string: 'String', int: 'Int', float: 'Double', bool: 'Bool' }[t.itemClass] ?? stripKaltura(t.itemClass)}]`
        : '[Any]';
    case 'map':
      return '[String: Any]';
    default:
      return 'Any';
  }
}

/** Names the Swift client generator suffixes with `_` (properties, actions, argument labels). */
const SWIFT_RESERVED = new Set(['protocol', 'repeat', 'extension', 'requestId', 'operator']);

/** A property, action or argument label as the Swift client spells it (`operator_`; an argument named like its action too). */
export function swiftMember(name: string, action?: string): string {
  return SWIFT_RESERVED.has(name) || name === action ? `${name}_` : name;
}

/** `uploadToken.id!`, `list.objects![0].id!`: an expression reading an earlier result. */
const READ_FROM_RESULT = /^[a-z_][A-Za-z0-9_]*(\.|\[|!)/;

function swiftAccess(base: string, segs: Array<string | number>, _t?: TypeRef): string {
  return base + segs.map((s) => (typeof s === 'number' ? `[${s}]` : `.${swiftMember(s)}!`)).join('');
}

const em: Emitter = {
  str: swiftString,
  int: intLiteral,
  float: floatLiteral,
  bool: (b) => (b ? 'true' : 'false'),
  nil: () => 'nil',
  enumConst: (v, asString) => nullableBoolean(v, 'nil') ?? `${stripKaltura(v.enumType)}.${v.constant}${asString ? '.rawValue' : ''}`,
  newObject: (v, cls) => [`let ${v} = ${stripKaltura(cls)}()`],
  setProp: (v, _c, prop, expr) => `${v}.${swiftMember(prop)} = ${expr}`,
  array: (items) => `[${items.join(', ')}]`,
  // A value read from an earlier result keeps that property's own type (the client's Int64 or Int),
  // which the description cannot tell apart; literals get the declared type.
  declare: (v, expr, t) =>
    expr === 'nil'
      ? `let ${v}: ${swiftType(t)}? = nil`
      : READ_FROM_RESULT.test(expr)
        ? `let ${v} = ${expr}`
        : `let ${v}: ${swiftType(t)} = ${expr}`,
  // RequestFileElement(url:) reads the file (it throws, and fails for a missing file).
  file: (v, path) => [`let ${v}: RequestFile = try! RequestFileElement(url: URL(fileURLWithPath: ${swiftString(path)}))!`],
  varName: (n) => lowerFirst(n),
  map: (entries) => (entries.length ? `[${entries.map(([k, e]) => `${swiftString(k)}: ${e}`).join(', ')}]` : '[:]'),
  comment: (t) => `// ${t}`,
  numberToString: (e) => `String(${e})`,
  // CryptoKit (Apple platforms): SHA-2 digests, and MD5/SHA-1 under Insecure.
  hexDigest: (v, digest, parts, st) => {
    st.uses.add(CRYPTOKIT);
    const hash = { md5: 'Insecure.MD5', sha1: 'Insecure.SHA1', sha256: 'SHA256', sha512: 'SHA512' }[digest];
    return [`let ${v} = ${hash}.hash(data: Data((${parts.join(' + ')}).utf8)).map { String(format: "%02x", $0) }.joined()`];
  },
  digests: ['md5', 'sha1', 'sha256', 'sha512'],
};

/** The marker in `st.uses` of a sample that hashes (`import CryptoKit`). */
const CRYPTOKIT = 'swift:CryptoKit';
const imports = (st: EmitState) => [
  'import Foundation',
  ...(st.uses.has(CRYPTOKIT) ? ['import CryptoKit'] : []),
  'import KalturaClient',
  '',
];

/** What the reader needs from a result, with the values later steps read that it does not show (`reads`). */
function printResult(plan: CallPlan, ctx: CodegenContext, r: string, reads?: readonly string[]): string[] {
  const shape = resultShape(plan, ctx.api);
  const more = extraReads(shape, reads);
  const label = `${plan.model.service}.${plan.model.action}`;
  const show = (base: string, path: string, segs: Array<string | number>) => {
    // The last property unwrapped as `as Any` (nil prints as nil), the ones before with `!`.
    const access = swiftAccess(base, segs);
    return `print(${swiftString(path + ':')}, ${access.endsWith('!') ? access.slice(0, -1) : access} as Any)`;
  };
  switch (shape.kind) {
    case 'void':
      return [`print(${swiftString(label + ': done')})`];
    case 'scalar':
      return [`print(${swiftString(label + ':')}, ${r}!)`];
    case 'object':
      return [
        `let value = ${r}!`,
        ...shape.fields.map((f) => show('value', f, [f])),
        ...more.top.map((x) => show('value', x.path, x.segs)),
      ];
    case 'list': {
      const fields = [...shape.itemFields.map((f) => ({ path: f, segs: [f] as Array<string | number> })), ...more.item];
      return [
        `let list = ${r}!`,
        'print("totalCount:", list.totalCount as Any)',
        'for item in list.objects ?? [] {',
        ...indent(fields.length ? fields.map((f) => show('item', f.path, f.segs)) : ['print(item)'], '    '),
        '}',
        ...more.top.map((x) => show('list', x.path, x.segs)),
      ];
    }
    default:
      return [`print(${r} as Any)`];
  }
}

/**
 * The call. An integer argument goes through `numericCast`: the client takes Int64 for some ids and
 * times and Int for others, and the API description does not say which (both are "integer").
 */
const call = (m: RequestModel, args: Array<{ name: string; varName: string }>, plan?: CallPlan) =>
  `${pascal(m.service)}Service.${swiftMember(m.action)}(${args
    .map((a, i) => {
      const p = plan?.args[i];
      const cast = p?.type?.kind === 'int' && p.value.kind !== 'null';
      return `${swiftMember(a.name, m.action)}: ${cast ? `numericCast(${a.varName})` : a.varName}`;
    })
    .join(', ')})`;

function sent(callText: string, r: string, err: string, onSuccess: string[], exitOnError: boolean): string[] {
  return [
    `USRExecutor.shared.send(request: ${callText}`,
    `    .set(completion: { (${r}, ${err}) in`,
    `        if let ${err} = ${err} {`,
    `            print(${err}.message ?? "request failed")`,
    ...(exitOnError ? ['            exit(1)'] : ['            return']),
    '        }',
    ...indent(onSuccess, '        '),
    '    })',
    '    .build(client))',
  ];
}

function setupParts(st: EmitState, ctx: CodegenContext): { pre: string[]; wrap: (body: string[]) => string[] } {
  const s = sessionPlan(ctx);
  const a = emitArgs(s, st);
  const r = st.names.alloc('ks');
  const err = st.names.alloc('error');
  return {
    pre: [
      'let config = ConnectionConfiguration()',
      `config.endPoint = URL(string: ${swiftString(ctx.connection.serviceUrl)})!`,
      'let client = Client(config)',
      ...a.stmts,
      '',
    ],
    wrap: (body) => sent(call(s.model, a.args, s), r, err, [`client.ks = ${r}`, '', ...body], true),
  };
}

export const swift: LanguageGenerator = {
  id: 'swift',
  label: 'Swift',
  fileExtension: 'swift',
  shikiLang: 'swift',
  grammar: 'swift',
  step(model, ctx) {
    const st = newState(em, RESERVED.swift, ctx, ['config', 'client', 'item', 'value', 'list']);
    st.ks = 'client.ks!';
    const setup = ctx.setup ? setupParts(st, ctx) : undefined;
    const plan = planCall(model, ctx);
    const a = emitArgs(plan, st);
    const r = st.names.alloc('result');
    const err = st.names.alloc('error');
    const stepLines = [
      ...a.stmts,
      ...sent(call(model, a.args, plan), r, err, [...printResult(plan, ctx, r, ctx.reads), ...(setup ? ['exit(0)'] : [])], !!setup),
    ];
    const fills = fillInLines(st);
    if (!setup) return finish([...(st.uses.has(CRYPTOKIT) ? ['import CryptoKit', ''] : []), ...fills, ...stepLines], ctx, [model]);
    return finish([...imports(st), ...fills, ...setup.pre, ...setup.wrap(stepLines), '', 'dispatchMain()'], ctx, [model]);
  },
  program(models, ctx) {
    const st = newState(em, RESERVED.swift, ctx, ['config', 'client', 'item', 'value', 'list']);
    st.ks = 'client.ks!';
    const steps = new Map<number, ProgramStep>();
    chainRefs(st, steps, swiftAccess);
    const reads = readsOf(models);
    const setup = setupParts(st, ctx);
    const nest = (i: number): string[] => {
      const model = models[i];
      if (model === undefined) return ['exit(0)'];
      const plan = planCall(model, ctx, models);
      const a = emitArgs(plan, st);
      const r = st.names.alloc(resultName(plan) + 'Result');
      const resultVar = st.names.alloc(resultName(plan));
      const err = st.names.alloc('error');
      steps.set(model.stepIndex, { plan, resultVar, resultType: plan.result, args: a });
      const inner = nest(i + 1);
      return [
        `// Step ${model.stepIndex + 1}: ${model.service}.${model.action}`,
        ...a.stmts,
        ...sent(
          call(model, a.args, plan),
          r,
          err,
          [...(plan.result ? [`let ${resultVar} = ${r}!`] : []), ...printResult(plan, ctx, r, reads.get(model.stepIndex)), '', ...inner],
          true,
        ),
      ];
    };
    const nested = nest(0);
    const fills = fillInLines(st);
    return finish(
      [
        ...imports(st),
        ...fills,
        ...setup.pre,
        ...setup.wrap(nested),
        '',
        '// The completions end the program (exit); keep it running until then.',
        'dispatchMain()',
      ],
      ctx,
      models,
    );
  },
};
