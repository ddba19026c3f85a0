/**
 * csharp: the Kaltura C# client. `MediaService.Add(entry).SetCompletion(handler).Execute(client)`;
 * (`OrderBy` typed as the filter's own enum); the KS from `SessionService.Start(secret, userId, SessionType.ADMIN, partnerId)` like every other
 * language (a server call, so it works with any endpoint's KS format); later calls nest in its handler.
 */
import type { ApiDescription, TypeRef } from '../../description/types';
import type { RequestModel } from '../../request/types';
import { RESERVED, lowerFirst, pascal, stripKaltura } from '../naming';
import { emitArgs, extraReads, planCall, readsOf, resultShape, type CallPlan, type DeclType, type EmitState, type Emitter } from '../plan';
import { csharpString, floatLiteral, intLiteral, isBeyondInt32 } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { chainRefs, finish, indent, newState, resultName, sessionPlan, type ProgramStep, fillInLines } from './common';

function csType(t: DeclType): string {
  switch (t.kind) {
    case 'string':
      return 'string';
    case 'int':
      return 'int';
    case 'float':
      return 'float';
    case 'bool':
      return 'bool';
    case 'file':
      return 'Stream';
    case 'enum':
      return stripKaltura(t.name);
    case 'object':
      return stripKaltura(t.className);
    case 'array':
      return t.itemClass ? `List<${csItem(t.itemClass)}>` : 'List<object>';
    case 'map':
      return 'Dictionary<string, object>';
    default:
      return 'object';
  }
}

function csItem(itemClass: string): string {
  return { string: 'string', int: 'int', float: 'float', bool: 'bool' }[itemClass] ?? stripKaltura(itemClass);
}

/** The handler's result type: `MediaEntry`, `ListResponse<MediaEntry>`, `IList<FlavorAsset>`, `VoidResponse`. */
function resultCsType(t: TypeRef | undefined, api?: ApiDescription, plan?: CallPlan): string {
  if (!t) return plan?.op ? 'VoidResponse' : 'object';
  if (t.kind === 'object') {
    const shape = plan ? resultShape(plan, api) : undefined;
    if (shape?.kind === 'list' && shape.listResponse) return `ListResponse<${stripKaltura(shape.itemClass)}>`;
    return stripKaltura(t.className);
  }
  if (t.kind === 'array') return `IList<${csItem(t.itemClass)}>`;
  return { string: 'string', int: 'int', float: 'float', bool: 'bool' }[t.kind as string] ?? 'object';
}

/** What the reader needs from a result, with the values later steps read that it does not show (`reads`). */
function printResult(plan: CallPlan, ctx: CodegenContext, v: string, reads?: readonly string[]): string[] {
  const shape = resultShape(plan, ctx.api);
  const more = extraReads(shape, reads);
  const label = `${plan.model.service}.${plan.model.action}`;
  const top = more.top.map((r) => `Console.WriteLine(${csharpString(r.path + ': ')} + ${csAccess(v, r.segs)});`);
  switch (shape.kind) {
    case 'void':
      return [`Console.WriteLine(${csharpString(label + ': done')});`];
    case 'scalar':
      return [`Console.WriteLine(${csharpString(label + ': ')} + ${v});`];
    case 'object':
      return [...shape.fields.map((f) => `Console.WriteLine(${csharpString(f + ': ')} + ${csAccess(v, [f])});`), ...top];
    case 'list': {
      const fields = [...shape.itemFields.map((f) => ({ path: f, segs: [f] as Array<string | number> })), ...more.item];
      return [
        `Console.WriteLine("totalCount: " + ${v}.TotalCount);`,
        `foreach (${stripKaltura(shape.itemClass)} item in ${v}.Objects)`,
        '{',
        ...indent(
          [
            `Console.WriteLine(${fields.map((f) => `${csharpString(f.path + ': ')} + ${csAccess('item', f.segs)}`).join(' + " " + ') || 'item'});`,
          ],
          '    ',
        ),
        '}',
        ...top,
      ];
    }
    default:
      return [`Console.WriteLine(${v});`];
  }
}

function csAccess(base: string, segs: Array<string | number>): string {
  return base + segs.map((s) => (typeof s === 'number' ? `[${s}]` : `.${pascal(String(s))}`)).join('');
}

/** What the C# client's number arguments and properties hold when not given (Int32.MinValue, Single.MinValue). */
const UNSET: Partial<Record<DeclType['kind'], string>> = { int: 'Int32.MinValue', float: 'Single.MinValue' };

const CS_DIGESTS = { md5: 'MD5', sha1: 'SHA1', sha256: 'SHA256', sha512: 'SHA512' } as const;

const em: Emitter = {
  str: csharpString,
  int: (n) => intLiteral(n) + (isBeyondInt32(n) ? 'L' : ''),
  float: (n) => {
    const s = floatLiteral(n);
    return s + (/[.eE]/.test(s) ? 'f' : '');
  },
  bool: (b) => (b ? 'true' : 'false'),
  nil: () => 'null',
  // The C# client types each filter's OrderBy as its own enum (MediaEntryOrderBy), so constants stay typed.
  enumConst: (v) => `${stripKaltura(v.enumType)}.${v.constant}`,
  newObject: (v, cls) => [`${stripKaltura(cls)} ${v} = new ${stripKaltura(cls)}();`],
  setProp: (v, _c, prop, expr) => `${v}.${pascal(prop)} = ${expr};`,
  array: (items, itemClass) => `new List<${itemClass ? stripKaltura(itemClass) : 'object'}> { ${items.join(', ')} }`,
  // A skipped number argument is the client's "not given" value (it leaves the argument out); null does not fit an int.
  declare: (v, expr, t) =>
    expr === 'null' && UNSET[t.kind] ? `${csType(t)} ${v} = ${UNSET[t.kind]}; // not given` : `${csType(t)} ${v} = ${expr};`,
  file: (v, path) => [`Stream ${v} = new FileStream(${csharpString(path)}, FileMode.Open, FileAccess.Read);`],
  varName: (n) => lowerFirst(n),
  map: (entries) => `new Dictionary<string, object> { ${entries.map(([k, e]) => `{ ${csharpString(k)}, ${e} }`).join(', ')} }`,
  comment: (t) => `// ${t}`,
  numberToString: (e) => `${e}.ToString()`,
  hexDigest: (v, digest, parts) => [
    `string ${v} = BitConverter.ToString(System.Security.Cryptography.${CS_DIGESTS[digest]}.Create()`,
    `    .ComputeHash(System.Text.Encoding.UTF8.GetBytes(${parts.join(' + ')}))).Replace("-", "").ToLowerInvariant();`,
  ],
  digests: ['md5', 'sha1', 'sha256', 'sha512'],
};

const call = (m: RequestModel, args: string[]) => `${pascal(m.service)}Service.${pascal(m.action)}(${args.join(', ')})`;

const USINGS = [
  'using System;',
  'using System.Collections.Generic;',
  'using System.IO;',
  'using System.Threading;',
  'using Kaltura;',
  'using Kaltura.Enums;',
  'using Kaltura.Request;',
  'using Kaltura.Services;',
  'using Kaltura.Types;',
  '',
];

/** Client set-up, then session.start (ADMIN, with the admin secret); the body runs once the KS is set. */
function setupParts(st: EmitState, ctx: CodegenContext): { pre: string[]; wrap: (body: string[]) => string[] } {
  const s = sessionPlan(ctx);
  const a = emitArgs(s, st);
  const ks = st.names.alloc('ks');
  const e = st.names.alloc('e');
  return {
    pre: [
      'Configuration config = new Configuration();',
      `config.ServiceUrl = ${csharpString(ctx.connection.serviceUrl)};`,
      'Client client = new Client(config);',
      ...a.stmts,
    ],
    wrap: (body) =>
      handlerCall(
        s.model,
        a.args.map((x) => x.varName),
        'string',
        ks,
        e,
        [`client.KS = ${ks};`, '', ...body],
      ),
  };
}

function handlerCall(model: RequestModel, args: string[], resultType: string, r: string, e: string, onSuccess: string[]): string[] {
  return [
    `${call(model, args)}`,
    `    .SetCompletion(new OnCompletedHandler<${resultType}>((${resultType} ${r}, Exception ${e}) =>`,
    '    {',
    `        if (${e} != null)`,
    '        {',
    `            Console.Error.WriteLine(${e}.Message);`,
    '            Environment.Exit(1);',
    '        }',
    ...indent(onSuccess, '        '),
    '    }))',
    '    .Execute(client);',
  ];
}

function mainClass(body: string[]): string[] {
  return [...USINGS, 'class CodeExample', '{', '    static void Main(string[] args)', '    {', ...indent(body, '        '), '    }', '}'];
}

const WAIT = ['', '// The request completes on another thread; wait for it.', 'while (!done)', '{', '    Thread.Sleep(100);', '}'];

export const csharp: LanguageGenerator = {
  id: 'csharp',
  label: 'C#',
  fileExtension: 'cs',
  shikiLang: 'csharp',
  grammar: 'c_sharp',
  step(model, ctx) {
    const st = newState(em, RESERVED.csharp, ctx, ['config', 'client', 'args', 'done', 'item']);
    st.ks = 'client.KS';
    const setup = ctx.setup ? setupParts(st, ctx) : undefined;
    const plan = planCall(model, ctx);
    const a = emitArgs(plan, st);
    const r = st.names.alloc('result');
    const e = st.names.alloc('e');
    const t = resultCsType(plan.result, ctx.api, plan);
    const call = handlerCall(
      model,
      a.args.map((x) => x.varName),
      t,
      r,
      e,
      [...printResult(plan, ctx, r, ctx.reads), 'done = true;'],
    );
    const fills = fillInLines(st);
    if (!setup) return finish([...fills, ...a.stmts, 'bool done = false;', ...call, ...WAIT], ctx, [model]);
    return finish(mainClass([...fills, ...setup.pre, 'bool done = false;', '', ...setup.wrap([...a.stmts, ...call]), ...WAIT]), ctx, [
      model,
    ]);
  },
  program(models, ctx) {
    const st = newState(em, RESERVED.csharp, ctx, ['config', 'client', 'args', 'done', 'item']);
    st.ks = 'client.KS';
    const steps = new Map<number, ProgramStep>();
    chainRefs(st, steps, csAccess);
    const reads = readsOf(models);
    const setup = setupParts(st, ctx);
    const nest = (i: number): string[] => {
      const model = models[i];
      if (model === undefined) return ['done = true;'];
      const plan = planCall(model, ctx, models);
      const a = emitArgs(plan, st);
      const resultVar = st.names.alloc(resultName(plan));
      const e = st.names.alloc('e');
      steps.set(model.stepIndex, { plan, resultVar, resultType: plan.result, args: a });
      const inner = nest(i + 1);
      return [
        `// Step ${model.stepIndex + 1}: ${model.service}.${model.action}`,
        ...a.stmts,
        ...handlerCall(
          model,
          a.args.map((x) => x.varName),
          resultCsType(plan.result, ctx.api, plan),
          resultVar,
          e,
          [...printResult(plan, ctx, resultVar, reads.get(model.stepIndex)), '', ...inner],
        ),
      ];
    };
    const nested = nest(0);
    const fills = fillInLines(st);
    return finish(mainClass([...fills, ...setup.pre, 'bool done = false;', '', ...setup.wrap(nested), ...WAIT]), ctx, models);
  },
};
