/**
 * ajax: the browser JavaScript client (`KalturaMediaService.add(entry).execute(client, callback)`).
 * It has no enum objects (values are written with their constant in a comment), objects are plain
 * objects with `objectType`, and a file argument is the `<input type="file">` element itself.
 */
import type { RequestModel } from '../../request/types';
import { RESERVED, lowerFirst, pascal } from '../naming';
import { digestLabel } from '../../description/kaltura/app-token-hash';
import { emitArgs, planCall, type EmitState, type Emitter } from '../plan';
import { floatLiteral, intLiteral, jsString } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { chainRefs, programSteps, finish, indent, newState, sessionPlan, type ProgramStep, fillInLines } from './common';
import { jsAccess, jsActionName, jsMap } from './node';

const em: Emitter = {
  str: jsString,
  int: intLiteral,
  float: floatLiteral,
  bool: (b) => (b ? 'true' : 'false'),
  nil: () => 'null',
  enumConst: (v) => `${typeof v.value === 'number' ? intLiteral(v.value) : jsString(String(v.value))} /* ${v.enumType}.${v.constant} */`,
  newObject: (v, cls) => [`var ${v} = {objectType: ${jsString(cls)}};`],
  setProp: (v, _cls, prop, expr) => `${jsAccess(v, [prop])} = ${expr};`,
  array: (items) => `[${items.join(', ')}]`,
  declare: (v, expr) => `var ${v} = ${expr};`,
  file: (v) => [
    `// The <input type="file"> on your page where the user chose the file (the client sends its first file).`,
    `var ${v} = document.querySelector('input[type="file"]');`,
  ],
  varName: (n) => lowerFirst(n),
  map: jsMap,
  comment: (t) => `// ${t}`,
  // Web Crypto (no MD5), which answers a promise: the statement awaits.
  hexDigest: (v, digest, parts, st) => {
    st.awaits = true;
    return [
      `var ${v} = Array.prototype.map.call(new Uint8Array(await crypto.subtle.digest(${jsString(digestLabel(digest))}, new TextEncoder().encode(${parts.join(' + ')}))), function(b) {`,
      "  return ('0' + b.toString(16)).slice(-2);",
      "}).join('');",
    ];
  },
  digests: ['sha1', 'sha256', 'sha512'],
};

/** Lines run in an async function where they await (a browser digest), reporting a failure. */
export function inAsync(lines: string[], st: EmitState, arrow: boolean): string[] {
  if (!st.awaits) return lines;
  return [
    arrow ? '(async () => {' : '(async function() {',
    ...indent(lines, '  '),
    arrow ? '})().catch((error) => console.error(error));' : '})().catch(function(err) {',
    ...(arrow ? [] : ['  console.error(err);', '});']),
  ];
}

function call(model: RequestModel, args: string[]): string {
  return `Kaltura${pascal(model.service)}Service.${jsActionName(model.action)}(${args.join(', ')})`;
}

const FAILED = (r: string) => `!success || (${r} && ${r}.code && ${r}.message)`;

export const BROWSER_SECRET_WARNING = [
  '// WARNING: this set-up runs in the browser, so it exposes your admin secret to anyone who',
  '// opens the page. In a real application, create the KS on your server and pass only the KS.',
];

function setupHead(st: EmitState, ctx: CodegenContext): { lines: string[]; startCall: string } {
  const s = sessionPlan(ctx);
  const a = emitArgs(s, st);
  return {
    lines: [
      ...BROWSER_SECRET_WARNING,
      ...a.stmts,
      'var config = new KalturaConfiguration();',
      `config.serviceUrl = ${jsString(ctx.connection.serviceUrl)};`,
      'var client = new KalturaClient(config);',
      '',
    ],
    startCall: call(
      s.model,
      a.args.map((x) => x.varName),
    ),
  };
}

export const ajax: LanguageGenerator = {
  id: 'ajax',
  label: 'JavaScript (browser)',
  fileExtension: 'js',
  shikiLang: 'javascript',
  grammar: 'javascript',
  step(model, ctx) {
    const st = newState(em, RESERVED.js, ctx, ['config', 'client', 'ks', 'success', 'results', 'main', 'run']);
    st.ks = 'client.getKs()';
    const head = ctx.setup ? setupHead(st, ctx) : undefined;
    const a = emitArgs(planCall(model, ctx), st);
    const callLines = inAsync(
      [
        ...a.stmts,
        `${call(
          model,
          a.args.map((x) => x.varName),
        )}`,
        '  .execute(client, function(success, results) {',
        `    if (${FAILED('results')}) {`,
        '      console.error(results);',
        '    } else {',
        '      console.log(results);',
        '    }',
        '  });',
      ],
      st,
      false,
    );
    const fills = fillInLines(st);
    if (!head) return finish([...fills, ...callLines], ctx, [model]);
    return finish(
      [
        ...fills,
        ...head.lines,
        `${head.startCall}`,
        '  .execute(client, function(success, ks) {',
        `    if (${FAILED('ks')}) {`,
        '      console.error(ks);',
        '      return;',
        '    }',
        '    client.setKs(ks);',
        '',
        ...indent(callLines, '    '),
        '  });',
      ],
      ctx,
      [model],
    );
  },
  program(models, ctx) {
    const st = newState(em, RESERVED.js, ctx, ['config', 'client', 'ks', 'success', 'results', 'main', 'run', 'request']);
    st.ks = 'client.getKs()';
    const steps = new Map<number, ProgramStep>();
    chainRefs(st, steps, jsAccess);
    const head = setupHead(st, ctx);
    const body: string[] = [`var ks = await run(${head.startCall});`, 'client.setKs(ks);', ''];
    for (const { model, args: a, resultVar, title } of programSteps(models, ctx, st, steps)) {
      body.push(
        `// ${title}`,
        ...a.stmts,
        `var ${resultVar} = await run(${call(
          model,
          a.args.map((x) => x.varName),
        )});`,
        `console.log(${resultVar});`,
        '',
      );
    }
    return finish(
      [
        '// Include the Kaltura JavaScript client library (KalturaClient.min.js) on the page first.',
        ...fillInLines(st),
        ...head.lines,
        '// Executes one request; resolves with its result, rejects with the API error.',
        'function run(request) {',
        '  return new Promise(function(resolve, reject) {',
        '    request.execute(client, function(success, results) {',
        `      if (${FAILED('results')}) {`,
        '        reject(results);',
        '      } else {',
        '        resolve(results);',
        '      }',
        '    });',
        '  });',
        '}',
        '',
        'async function main() {',
        ...indent(body, '  '),
        '}',
        '',
        'main().catch(function(err) {',
        '  console.error(err && err.message ? err.message : err);',
        '});',
      ],
      ctx,
      models,
    );
  },
};
