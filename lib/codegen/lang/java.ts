/**
 * java: `kaltura-client` for Java. Request builders with `.setCompletion(...)`, queued with
 * `APIOkRequestsExecutor.getExecutor().queue(builder.build(client))`; results arrive in callbacks,
 * so later steps nest inside earlier completions.
 */
import type { TypeRef } from '../../api/types';
import type { RequestModel } from '../../request/types';
import { RESERVED, lowerFirst, pascal, stripKaltura } from '../naming';
import { emitArgs, planCall, type DeclType, type EmitState, type Emitter } from '../plan';
import { floatLiteral, intLiteral, isBeyondInt32, javaString } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { chainRefs, finish, indent, newState, resultName, sessionPlan, type ProgramStep } from './common';

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
      return stripKaltura(t.name);
    case 'object':
      return stripKaltura(t.className);
    case 'array':
      return t.itemClass ? `List<${stripKaltura(t.itemClass)}>` : 'List<Object>';
    default:
      return 'Object';
  }
}

export function resultJavaType(t?: TypeRef): string {
  if (!t) return 'Object';
  if (t.kind === 'object') return stripKaltura(t.className);
  if (t.kind === 'array') return `List<${stripKaltura(t.itemClass)}>`;
  return { string: 'String', int: 'Integer', float: 'Double', bool: 'Boolean', file: 'Object', enum: 'Object', map: 'Object' }[t.kind] ?? 'Object';
}

function javaAccess(base: string, segs: Array<string | number>): string {
  return base + segs.map((s) => (typeof s === 'number' ? `.get(${s})` : `.get${pascal(String(s))}()`)).join('');
}

const em: Emitter = {
  str: javaString,
  int: (n) => intLiteral(n) + (isBeyondInt32(n) ? 'L' : ''),
  float: (n) => {
    const s = floatLiteral(n);
    return /[.eE]/.test(s) ? s : s + '.0';
  },
  bool: (b) => (b ? 'true' : 'false'),
  nil: () => 'null',
  enumConst: (v) => `${stripKaltura(v.enumType)}.${v.constant}`,
  newObject: (v, cls) => [`${stripKaltura(cls)} ${v} = new ${stripKaltura(cls)}();`],
  setProp: (v, _c, prop, expr) => `${v}.set${pascal(prop)}(${expr});`,
  array: (items, itemClass) => `new ArrayList<${itemClass ? stripKaltura(itemClass) : 'Object'}>(Arrays.asList(${items.join(', ')}))`,
  declare: (v, expr, t) => `${javaType(t)} ${v} = ${expr};`,
  file: (v, path) => [`File ${v} = new File(${javaString(path)});`],
  varName: (n) => lowerFirst(n),
};

const call = (m: RequestModel, args: string[]) => `${pascal(m.service)}Service.${m.action}(${args.join(', ')})`;

const IMPORTS = [
  'import com.kaltura.client.APIOkRequestsExecutor;',
  'import com.kaltura.client.Client;',
  'import com.kaltura.client.Configuration;',
  'import com.kaltura.client.enums.*;',
  'import com.kaltura.client.services.*;',
  'import com.kaltura.client.types.*;',
  'import java.io.File;',
  'import java.util.ArrayList;',
  'import java.util.Arrays;',
  'import java.util.List;',
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
    wrap: (body) => queued(call(s.model, a.args.map((x) => x.varName)), r, ['client.setKs(' + r + '.results);', '', ...body], true),
  };
}

function mainClass(body: string[]): string[] {
  return [
    ...IMPORTS,
    'public class CodeExample {',
    '    public static void main(String[] args) throws Exception {',
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
    const st = newState(em, RESERVED.java, ctx, ['config', 'client', 'args']);
    const setup = ctx.setup ? setupParts(st, ctx) : undefined;
    const plan = planCall(model, ctx);
    const a = emitArgs(plan, st);
    const r = st.names.alloc('result');
    const stepLines = [...a.stmts, ...queued(call(model, a.args.map((x) => x.varName)), r, [`System.out.println(${r}.results);`], !!setup)];
    if (!setup) return finish(stepLines, ctx, [model]);
    return finish(mainClass([...setup.pre, ...setup.wrap(stepLines)]), ctx, [model]);
  },
  program(models, ctx) {
    const st = newState(em, RESERVED.java, ctx, ['config', 'client', 'args']);
    const steps = new Map<number, ProgramStep>();
    chainRefs(st, steps, javaAccess);
    const setup = setupParts(st, ctx);
    // Build from the first step inwards: each step's completion holds the next steps.
    const nest = (i: number): string[] => {
      if (i >= models.length) return ['System.exit(0);'];
      const model = models[i];
      const plan = planCall(model, ctx);
      const a = emitArgs(plan, st);
      const r = st.names.alloc(resultName(plan) + 'Result');
      const resultVar = st.names.alloc(resultName(plan));
      steps.set(model.stepIndex, { plan, resultVar, resultType: plan.result, args: a });
      const inner = nest(i + 1);
      return [
        `// Step ${model.stepIndex + 1}: ${model.service}.${model.action}`,
        ...a.stmts,
        ...queued(call(model, a.args.map((x) => x.varName)), r, [
          `${resultJavaType(plan.result)} ${resultVar} = ${r}.results;`,
          `System.out.println(${resultVar});`,
          '',
          ...inner,
        ], true),
      ];
    };
    const body = [...setup.pre, ...setup.wrap(nest(0)), '', '// The callbacks end the program (System.exit); wait for them.', 'Thread.currentThread().join();'];
    return finish(mainClass(body), ctx, models);
  },
};
