/** angular: `kaltura-ngx-client` (`this.kaltura.request(new MediaAddAction({ entry })).subscribe(...)`). */
import type { RequestModel } from '../../request/types';
import { RESERVED, lowerFirst, ngxEnumMember, pascal } from '../naming';
import { emitArgs, planCall, type CallPlan, type EmitState, type Emitter } from '../plan';
import { floatLiteral, intLiteral, jsString } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { digestLabel } from '../../description/kaltura/app-token-hash';
import { BROWSER_SECRET_WARNING, inAsync } from './ajax';
import { chainRefs, programSteps, finish, indent, newState, sessionPlan, type ProgramStep, fillInLines } from './common';
import { jsAccess, jsMap } from './node';

const em: Emitter = {
  str: jsString,
  int: intLiteral,
  float: floatLiteral,
  bool: (b) => (b ? 'true' : 'false'),
  nil: () => 'null',
  enumConst: (v, asString) => `${v.enumType}.${ngxEnumMember(v.constant)}${asString ? '.toString()' : ''}`,
  newObject: (v, cls) => [`const ${v} = new ${cls}();`],
  setProp: (v, _cls, prop, expr) => `${jsAccess(v, [prop])} = ${expr};`,
  array: (items) => `[${items.join(', ')}]`,
  declare: (v, expr) => `const ${v} = ${expr};`,
  file: (v) => [
    `// The File the user chose in an <input type="file"> of your template.`,
    `const ${v}: File = (document.querySelector('input[type="file"]') as HTMLInputElement).files![0];`,
  ],
  varName: (n) => lowerFirst(n),
  map: jsMap,
  comment: (t) => `// ${t}`,
  numberToString: (e) => `String(${e})`,
  // Web Crypto (no MD5), which answers a promise: the statement awaits.
  hexDigest: (v, digest, parts, st) => {
    st.awaits = true;
    return [
      `const ${v} = Array.from(new Uint8Array(await crypto.subtle.digest(${jsString(digestLabel(digest))}, new TextEncoder().encode(${parts.join(' + ')}))))`,
      "  .map((b) => b.toString(16).padStart(2, '0')).join('');",
    ];
  },
  digests: ['sha1', 'sha256', 'sha512'],
};

/**
 * The call's plan without the arguments that are skipped (null): an action takes its arguments by
 * name, all optional ones as `name?: Type`, where `null` does not type-check.
 */
function ngxPlan(model: RequestModel, ctx: CodegenContext, program?: readonly RequestModel[]): CallPlan {
  const plan = planCall(model, ctx, program);
  return { ...plan, args: plan.args.filter((a) => a.missing || a.value.kind !== 'null') };
}

function actionClass(model: RequestModel): string {
  return `${pascal(model.service)}${pascal(model.action)}Action`;
}

function request(model: RequestModel, args: Array<{ name: string; varName: string }>, st: EmitState): string {
  st.uses.add(actionClass(model));
  const obj = args.length ? `{ ${args.map((a) => (a.name === a.varName ? a.name : `${a.name}: ${a.varName}`)).join(', ')} }` : '';
  return `new ${actionClass(model)}(${obj})`;
}

function importLine(st: EmitState): string {
  const names = [...st.uses].sort();
  return `import { ${names.join(', ')} } from 'kaltura-ngx-client';`;
}

function setup(st: EmitState, ctx: CodegenContext): { lines: string[]; startRequest: string } {
  const s = sessionPlan(ctx);
  const a = emitArgs(s, st);
  return {
    lines: [
      ...BROWSER_SECRET_WARNING,
      `this.kaltura.setOptions({ endpointUrl: ${jsString(ctx.connection.serviceUrl)}, clientTag: 'recipe-console' });`,
      ...a.stmts,
    ],
    startRequest: request(s.model, a.args, st),
  };
}

export const angular: LanguageGenerator = {
  id: 'angular',
  label: 'Angular',
  fileExtension: 'ts',
  shikiLang: 'typescript',
  grammar: 'typescript',
  step(model, ctx) {
    const st = newState(em, RESERVED.js, ctx, ctx.setup ? ['ks', 'result', 'error'] : ['result', 'error']);
    // The session: the set-up's, else the one the component gave setDefaultRequestOptions (a FILL IN).
    if (ctx.setup) st.ks = 'ks';
    const head = ctx.setup ? setup(st, ctx) : undefined;
    const a = emitArgs(ngxPlan(model, ctx), st);
    const callLines = inAsync(
      [
        ...a.stmts,
        `this.kaltura.request(${request(model, a.args, st)})`,
        '  .subscribe(',
        '    (result) => console.log(result),',
        '    (error) => console.error(error.message),',
        '  );',
      ],
      st,
      true,
    );
    const intro = ['', '// In a component or service that injects `private kaltura: KalturaClient`:'];
    const fills = fillInLines(st);
    if (!head) return finish([importLine(st), ...intro, ...fills, ...callLines], ctx, [model]);
    st.uses.add('KalturaClient');
    return finish(
      [
        importLine(st),
        ...intro,
        ...fills,
        ...head.lines,
        `this.kaltura.request(${head.startRequest})`,
        '  .subscribe((ks) => {',
        '    this.kaltura.setDefaultRequestOptions({ ks });',
        '',
        ...indent(callLines, '    '),
        '  }, (error) => console.error(error.message));',
      ],
      ctx,
      [model],
    );
  },
  program(models, ctx) {
    const st = newState(em, RESERVED.js, ctx, ['ks', 'run', 'kaltura']);
    st.ks = 'ks';
    st.uses.add('KalturaClient');
    const steps = new Map<number, ProgramStep>();
    chainRefs(st, steps, jsAccess);
    const head = setup(st, ctx);
    const body = [
      ...head.lines,
      `const ks = await firstValueFrom(this.kaltura.request(${head.startRequest}));`,
      'this.kaltura.setDefaultRequestOptions({ ks });',
      '',
    ];
    for (const { model, args: a, resultVar, title } of programSteps(models, ctx, st, steps, { plan: ngxPlan })) {
      body.push(
        `// ${title}`,
        ...a.stmts,
        `const ${resultVar} = await firstValueFrom(this.kaltura.request(${request(model, a.args, st)}));`,
        `console.log(${resultVar});`,
        '',
      );
    }
    return finish(
      [
        "import { Component } from '@angular/core';",
        "import { firstValueFrom } from 'rxjs';",
        importLine(st),
        '',
        '@Component({ selector: \'app-recipe\', template: \'<input type="file"> <button (click)="run()">Run</button>\' })',
        'export class RecipeComponent {',
        '  constructor(private kaltura: KalturaClient) {}',
        '',
        '  async run(): Promise<void> {',
        '    try {',
        ...indent([...fillInLines(st), ...body], '      '),
        '    } catch (error) {',
        '      console.error(error instanceof Error ? error.message : error);',
        '    }',
        '  }',
        '}',
      ],
      ctx,
      models,
    );
  },
};
