/**
 * java: `kaltura-client` for Java. Request builders with `.setCompletion(...)`, queued with
 * `APIOkRequestsExecutor.getExecutor().queue(builder.build(client))`; results arrive in callbacks,
 * so later steps nest inside earlier completions. Lists are `ListResponse<MediaEntry>`; a property
 * the client types as a String (`orderBy`) takes the enum's `getValue()`; programs end with
 * `System.exit` (OkHttp's threads would keep the JVM alive for a minute).
 */
import type { ApiDescription, TypeRef } from '../../description/types';
import type { RequestModel } from '../../request/types';
import { NULLABLE_BOOLEAN, RESERVED, lowerFirst, nullableBoolean, pascal, stripKaltura } from '../naming';
import { emitArgs, extraReads, planCall, readsOf, resultShape, type CallPlan, type DeclType, type EmitState, type Emitter } from '../plan';
import { floatLiteral, intLiteral, isBeyondInt32, javaString } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { chainRefs, finish, indent, newState, resultName, sessionPlan, type ProgramStep, fillInLines } from './common';

function javaType(t: DeclType): string {
  switch (t.kind) {
    case 'string':
      return 'String';
    case 'int':
      return 'int';
    case 'float':
      return 'double';
    case 'bool':
      return 'boolean';
    case 'file':
      return 'File';
    case 'enum':
      return t.name === NULLABLE_BOOLEAN ? 'Boolean' : stripKaltura(t.name);
    case 'object':
      return stripKaltura(t.className);
    case 'array':
      return t.itemClass ? `List<${boxed(t.itemClass)}>` : 'List<Object>';
    case 'map':
      return 'Map<String, Object>';
    default:
      return 'Object';
  }
}

function boxed(itemClass: string): string {
  return { string: 'String', int: 'Integer', float: 'Double', bool: 'Boolean' }[itemClass] ?? stripKaltura(itemClass);
}

/** The type of `response.results`: `MediaEntry`, `ListResponse<MediaEntry>`, `List<FlavorAsset>`, `Void`. */
export function resultJavaType(t: TypeRef | undefined, api?: ApiDescription, plan?: CallPlan): string {
  if (!t) return plan?.op ? 'Void' : 'Object';
  if (t.kind === 'object') {
    const shape = plan ? resultShape(plan, api) : undefined;
    if (shape?.kind === 'list' && shape.listResponse) return `ListResponse<${stripKaltura(shape.itemClass)}>`;
    return stripKaltura(t.className);
  }
  if (t.kind === 'array') return `List<${boxed(t.itemClass)}>`;
  return { string: 'String', int: 'Integer', float: 'Double', bool: 'Boolean' }[t.kind as string] ?? 'Object';
}

function javaAccess(base: string, segs: Array<string | number>): string {
  return base + segs.map((s) => (typeof s === 'number' ? `.get(${s})` : `.get${pascal(String(s))}()`)).join('');
}

/** Client method names for actions that are Java reserved words. */
export function javaActionName(action: string): string {
  return action === 'goto' ? 'goto_' : action;
}

/** ParamsValueDefaults.KALTURA_UNDEF_*: what the Java client's number arguments hold when not given. */
const UNSET: Partial<Record<DeclType['kind'], string>> = { int: 'Integer.MIN_VALUE', float: 'Double.MIN_VALUE' };

const em: Emitter = {
  str: javaString,
  int: (n) => intLiteral(n) + (isBeyondInt32(n) ? 'L' : ''),
  float: (n) => {
    const s = floatLiteral(n);
    return /[.eE]/.test(s) ? s : s + '.0';
  },
  bool: (b) => (b ? 'true' : 'false'),
  nil: () => 'null',
  enumConst: (v, asString) => nullableBoolean(v, 'null') ?? `${stripKaltura(v.enumType)}.${v.constant}${asString ? '.getValue()' : ''}`,
  newObject: (v, cls) => [`${stripKaltura(cls)} ${v} = new ${stripKaltura(cls)}();`],
  setProp: (v, _c, prop, expr) => `${v}.set${pascal(prop)}(${expr});`,
  array: (items, itemClass) => `new ArrayList<${itemClass ? boxed(itemClass) : 'Object'}>(Arrays.asList(${items.join(', ')}))`,
  // A skipped number argument is the client's "not given" value (it leaves the argument out); null does not fit an int.
  declare: (v, expr, t) =>
    expr === 'null' && UNSET[t.kind] ? `${javaType(t)} ${v} = ${UNSET[t.kind]}; // not given` : `${javaType(t)} ${v} = ${expr};`,
  inlineReads: true,
  file: (v, path) => [`File ${v} = new File(${javaString(path)});`],
  varName: (n) => lowerFirst(n),
  map: (entries) =>
    `new HashMap<String, Object>()${entries.length ? ` {{ ${entries.map(([k, e]) => `put(${javaString(k)}, ${e});`).join(' ')} }}` : ''}`,
  comment: (t) => `// ${t}`,
  numberToString: (e) => `String.valueOf(${e})`,
  // commons-codec is a dependency of the Java client (it signs with it); its DigestUtils throws no checked exception.
  hexDigest: (v, digest, parts) => [`String ${v} = org.apache.commons.codec.digest.DigestUtils.${digest}Hex(${parts.join(' + ')});`],
  digests: ['md5', 'sha1', 'sha256', 'sha512'],
};

const call = (m: RequestModel, args: string[]) => `${pascal(m.service)}Service.${javaActionName(m.action)}(${args.join(', ')})`;

/** What the reader needs from a result, with the values later steps read that it does not show (`reads`). */
function printResult(plan: CallPlan, ctx: CodegenContext, v: string, reads?: readonly string[]): string[] {
  const shape = resultShape(plan, ctx.api);
  const more = extraReads(shape, reads);
  const label = `${plan.model.service}.${plan.model.action}`;
  const top = more.top.map((r) => `System.out.println(${javaString(r.path + ': ')} + ${javaAccess(v, r.segs)});`);
  switch (shape.kind) {
    case 'void':
      return [`System.out.println(${javaString(label + ': done')});`];
    case 'scalar':
      return [`System.out.println(${javaString(label + ': ')} + ${v});`];
    case 'object':
      return [...shape.fields.map((f) => `System.out.println(${javaString(f + ': ')} + ${javaAccess(v, [f])});`), ...top];
    case 'list': {
      const fields = [...shape.itemFields.map((f) => ({ path: f, segs: [f] as Array<string | number> })), ...more.item];
      return [
        `System.out.println("totalCount: " + ${v}.getTotalCount());`,
        `for (${stripKaltura(shape.itemClass)} item : ${v}.getObjects()) {`,
        ...indent(
          [
            `System.out.println(${fields.map((f) => `${javaString(f.path + ': ')} + ${javaAccess('item', f.segs)}`).join(' + " " + ') || 'item'});`,
          ],
          '    ',
        ),
        '}',
        ...top,
      ];
    }
    default:
      return [`System.out.println(${v});`];
  }
}

const IMPORTS = [
  'import com.kaltura.client.APIOkRequestsExecutor;',
  'import com.kaltura.client.Client;',
  'import com.kaltura.client.Configuration;',
  'import com.kaltura.client.enums.*;',
  'import com.kaltura.client.services.*;',
  'import com.kaltura.client.types.*;',
  'import java.io.File;',
  'import java.util.*;',
  '',
];

/** `queue(call.setCompletion(r -> { check; body }).build(client));` */
function queued(callText: string, resultVar: string, onSuccess: string[], exitOnError: boolean): string[] {
  return [
    `APIOkRequestsExecutor.getExecutor().queue(${callText}`,
    `    .setCompletion(${resultVar} -> {`,
    `        if (!${resultVar}.isSuccess()) {`,
    `            System.err.println(${resultVar}.error.getMessage());`,
    ...(exitOnError ? ['            System.exit(1);'] : []),
    '            return;',
    '        }',
    ...indent(onSuccess, '        '),
    '    })',
    '    .build(client));',
  ];
}

function setupParts(st: EmitState, ctx: CodegenContext): { pre: string[]; wrap: (body: string[]) => string[] } {
  const s = sessionPlan(ctx);
  const a = emitArgs(s, st);
  const r = st.names.alloc('ksResult');
  return {
    pre: [
      'Configuration config = new Configuration();',
      `config.setEndpoint(${javaString(ctx.connection.serviceUrl)});`,
      'Client client = new Client(config);',
      ...a.stmts,
      '',
    ],
    wrap: (body) =>
      queued(
        call(
          s.model,
          a.args.map((x) => x.varName),
        ),
        r,
        ['client.setKs(' + r + '.results);', '', ...body],
        true,
      ),
  };
}

/**
 * The client completes requests on OkHttp's threads; an exception there (on Java 16+ the client
 * cannot read an API error without `--add-opens java.base/java.lang=ALL-UNNAMED`, as its Gson
 * needs Throwable's fields) would leave the program waiting and then exit 0.
 */
const CLIENT_THREAD_ERRORS = [
  '// If the client fails on its own thread, end with an error instead of waiting. (On Java 16+,',
  "// run with --add-opens java.base/java.lang=ALL-UNNAMED to see the API's error messages.)",
  'Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {',
  '    System.err.println(error);',
  '    System.exit(1);',
  '});',
  '',
];

function mainClass(body: string[]): string[] {
  return [
    ...IMPORTS,
    'public class CodeExample {',
    '    public static void main(String[] args) throws Exception {',
    ...indent(CLIENT_THREAD_ERRORS, '        '),
    ...indent(body, '        '),
    '    }',
    '}',
  ];
}

export const java: LanguageGenerator = {
  id: 'java',
  label: 'Java',
  fileExtension: 'java',
  shikiLang: 'java',
  grammar: 'java',
  step(model, ctx) {
    const st = newState(em, RESERVED.java, ctx, ['config', 'client', 'args', 'item']);
    st.ks = 'client.getKs()';
    const setup = ctx.setup ? setupParts(st, ctx) : undefined;
    const plan = planCall(model, ctx);
    const a = emitArgs(plan, st);
    const r = st.names.alloc('result');
    const t = resultJavaType(plan.result, ctx.api, plan);
    const onSuccess = [
      ...(t === 'Object' || t === 'Void' ? [] : [`${t} ${r}Value = ${r}.results;`]),
      ...printResult(plan, ctx, t === 'Object' || t === 'Void' ? `${r}.results` : `${r}Value`, ctx.reads),
      ...(setup ? ['System.exit(0);'] : []),
    ];
    const stepLines = [
      ...a.stmts,
      ...queued(
        call(
          model,
          a.args.map((x) => x.varName),
        ),
        r,
        onSuccess,
        !!setup,
      ),
    ];
    if (!setup) return finish([...fillInLines(st), ...stepLines], ctx, [model]);
    return finish(mainClass([...fillInLines(st), ...setup.pre, ...setup.wrap(stepLines)]), ctx, [model]);
  },
  program(models, ctx) {
    const st = newState(em, RESERVED.java, ctx, ['config', 'client', 'args', 'item']);
    st.ks = 'client.getKs()';
    const steps = new Map<number, ProgramStep>();
    chainRefs(st, steps, javaAccess);
    const reads = readsOf(models);
    const setup = setupParts(st, ctx);
    // Build from the first step inwards: each step's completion holds the next steps.
    const nest = (i: number): string[] => {
      const model = models[i];
      if (model === undefined) return ['System.exit(0);'];
      const plan = planCall(model, ctx, models);
      const a = emitArgs(plan, st);
      const r = st.names.alloc(resultName(plan) + 'Result');
      const resultVar = st.names.alloc(resultName(plan));
      steps.set(model.stepIndex, { plan, resultVar, resultType: plan.result, args: a });
      const inner = nest(i + 1);
      const t = resultJavaType(plan.result, ctx.api, plan);
      return [
        `// Step ${model.stepIndex + 1}: ${model.service}.${model.action}`,
        ...a.stmts,
        ...queued(
          call(
            model,
            a.args.map((x) => x.varName),
          ),
          r,
          [`${t} ${resultVar} = ${r}.results;`, ...printResult(plan, ctx, resultVar, reads.get(model.stepIndex)), '', ...inner],
          true,
        ),
      ];
    };
    const nested = nest(0);
    const body = [
      ...fillInLines(st),
      ...setup.pre,
      ...setup.wrap(nested),
      '',
      '// The callbacks end the program (System.exit); wait for them.',
      'Thread.currentThread().join();',
    ];
    return finish(mainClass(body), ctx, models);
  },
};
