/** node: npm `kaltura-client` (promises from `.execute(client)`). */
import type { RequestModel } from '../../request/types';
import { RESERVED, lowerFirst, stripKaltura } from '../naming';
import { emitArgs, planCall, type EmitState, type Emitter } from '../plan';
import { floatLiteral, intLiteral, jsString } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { chainRefs, programSteps, finish, indent, newState, sessionPlan, type ProgramStep, fillInLines } from './common';

/** JS client method names for actions that are reserved words. */
export function jsActionName(action: string): string {
  return action === 'delete' || action === 'list' || action === 'clone' || action === 'export' ? action + 'Action' : action;
}

/** A JS object literal (an object of no known class; the JS clients send plain objects as they are). */
export function jsMap(entries: Array<[string, string]>): string {
  if (entries.length === 0) return '{}';
  return `{ ${entries.map(([k, e]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : jsString(k)}: ${e}`).join(', ')} }`;
}

export function jsAccess(base: string, segs: Array<string | number>): string {
  return base + segs.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][\w$]*$/.test(s) ? `.${s}` : `[${jsString(s)}]`)).join('');
}

const em: Emitter = {
  str: jsString,
  int: intLiteral,
  float: floatLiteral,
  bool: (b) => (b ? 'true' : 'false'),
  nil: () => 'null',
  enumConst: (v) => `kaltura.enums.${stripKaltura(v.enumType)}.${v.constant}`,
  newObject: (v, cls) => [`const ${v} = new kaltura.objects.${stripKaltura(cls)}();`],
  setProp: (v, _cls, prop, expr) => `${jsAccess(v, [prop])} = ${expr};`,
  array: (items) => `[${items.join(', ')}]`,
  declare: (v, expr) => `const ${v} = ${expr};`,
  file: (v, path) => [`const ${v} = ${jsString(path)}; // path of the file to upload (the client reads it)`],
  varName: (n) => lowerFirst(n),
  map: jsMap,
  comment: (t) => `// ${t}`,
  hexDigest: (v, digest, parts) => [`const ${v} = require('crypto').createHash('${digest}').update(${parts.join(' + ')}).digest('hex');`],
  digests: ['md5', 'sha1', 'sha256', 'sha512'],
};

function callExpr(model: RequestModel, args: string[]): string {
  return `kaltura.services.${model.service}.${jsActionName(model.action)}(${args.join(', ')})`;
}

function clientSetup(st: EmitState, ctx: CodegenContext): string[] {
  const s = sessionPlan(ctx);
  const a = emitArgs(s, st);
  return [
    "const kaltura = require('kaltura-client');",
    '',
    'const config = new kaltura.Configuration();',
    `config.serviceUrl = ${jsString(ctx.connection.serviceUrl)};`,
    '// A silent logger: the default one prints every request, the admin secret included.',
    'config.setLogger({ log() {}, debug() {}, error() {} });',
    'const client = new kaltura.Client(config);',
    '',
    ...a.stmts,
    `const ks = await ${callExpr(
      s.model,
      a.args.map((x) => x.varName),
    )}.execute(client);`,
    'client.setKs(ks);',
    '',
  ];
}

const MAIN_CATCH = ['main().catch((err) => {', '  console.error(err && err.message ? err.message : err);', '  process.exit(1);', '});'];

export const node: LanguageGenerator = {
  id: 'node',
  label: 'Node.js',
  fileExtension: 'js',
  shikiLang: 'javascript',
  grammar: 'javascript',
  step(model, ctx) {
    const st = newState(em, RESERVED.js, ctx, ['kaltura', 'config', 'client', 'ks', 'main', 'err']);
    st.ks = 'client.getKs()';
    const plan = planCall(model, ctx);
    if (!ctx.setup) {
      const a = emitArgs(plan, st);
      return finish(
        [
          ...fillInLines(st),
          ...a.stmts,
          `${callExpr(
            model,
            a.args.map((x) => x.varName),
          )}`,
          '  .execute(client)',
          '  .then((result) => {',
          '    console.log(JSON.stringify(result, null, 2));',
          '  }, (err) => {',
          '    console.error(err && err.message ? err.message : err);',
          '  });',
        ],
        ctx,
        [model],
      );
    }
    const setup = clientSetup(st, ctx);
    const a = emitArgs(plan, st);
    const result = st.names.alloc('result');
    const body = [
      ...fillInLines(st),
      ...setup,
      ...a.stmts,
      `const ${result} = await ${callExpr(
        model,
        a.args.map((x) => x.varName),
      )}.execute(client);`,
      `console.log(JSON.stringify(${result}, null, 2));`,
    ];
    const [head, ...rest] = splitRequire(body);
    return finish([head, '', 'async function main() {', ...indent(rest, '  '), '}', '', ...MAIN_CATCH], ctx, [model]);
  },
  program(models, ctx) {
    const st = newState(em, RESERVED.js, ctx, ['kaltura', 'config', 'client', 'ks', 'main', 'err']);
    st.ks = 'client.getKs()';
    const steps = new Map<number, ProgramStep>();
    chainRefs(st, steps, jsAccess);
    const body = clientSetup(st, ctx);
    for (const { model, args: a, resultVar, title } of programSteps(models, ctx, st, steps)) {
      body.push(
        `// ${title}`,
        ...a.stmts,
        `const ${resultVar} = await ${callExpr(
          model,
          a.args.map((x) => x.varName),
        )}.execute(client);`,
        `console.log(JSON.stringify(${resultVar}, null, 2));`,
        '',
      );
    }
    const [head, ...rest] = splitRequire([...fillInLines(st), ...body]);
    return finish([head, '', 'async function main() {', ...indent(rest, '  '), '}', '', ...MAIN_CATCH], ctx, models);
  },
};

/** Moves the `require` line out of `main`. */
function splitRequire(lines: string[]): [string, ...string[]] {
  const i = lines.findIndex((l) => l.startsWith('const kaltura = require('));
  const line = i < 0 ? undefined : lines[i];
  if (line === undefined) return ["const kaltura = require('kaltura-client');", ...lines];
  return [line, ...lines.slice(0, i), ...lines.slice(i + 1)];
}
