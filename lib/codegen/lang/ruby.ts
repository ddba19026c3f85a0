/** ruby: the `kaltura-client` gem (`client.media_service.add(entry)`, snake_case properties). */
import type { RequestModel } from '../../request/types';
import { RESERVED, snake } from '../naming';
import { emitArgs, planCall, type EmitState, type Emitter } from '../plan';
import { floatLiteral, intLiteral, rubyString } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { chainRefs, finish, newState, resultName, sessionPlan, type ProgramStep } from './common';

function rbAccess(base: string, segs: Array<string | number>): string {
  return base + segs.map((s) => (typeof s === 'number' ? `[${s}]` : `.${snake(String(s))}`)).join('');
}

const em: Emitter = {
  str: rubyString,
  int: intLiteral,
  float: floatLiteral,
  bool: (b) => (b ? 'true' : 'false'),
  nil: () => 'nil',
  enumConst: (v) => `${v.enumType}::${v.constant}`,
  newObject: (v, cls) => [`${v} = ${cls}.new()`],
  setProp: (v, _c, prop, expr) => `${v}.${snake(prop)} = ${expr}`,
  array: (items) => `[${items.join(', ')}]`,
  declare: (v, expr) => `${v} = ${expr}`,
  file: (v, path) => [`${v} = File.open(${rubyString(path)})`],
  varName: (n) => snake(n),
};

const call = (m: RequestModel, args: string[]) => `client.${snake(m.service)}_service.${snake(m.action)}(${args.join(', ')})`;

function setupLines(st: EmitState, ctx: CodegenContext): string[] {
  const s = sessionPlan(ctx);
  const a = emitArgs(s, st);
  return [
    'config = KalturaConfiguration.new()',
    `config.service_url = ${rubyString(ctx.connection.serviceUrl)}`,
    'client = KalturaClient.new(config)',
    ...a.stmts,
    `client.ks = ${call(s.model, a.args.map((x) => x.varName))}`,
    '',
  ];
}

const HEAD = ["require 'kaltura'", 'include Kaltura', ''];

export const ruby: LanguageGenerator = {
  id: 'ruby',
  label: 'Ruby',
  fileExtension: 'rb',
  shikiLang: 'ruby',
  grammar: 'ruby',
  step(model, ctx) {
    const st = newState(em, RESERVED.ruby, ctx, ['config', 'client', 'result']);
    const setup = ctx.setup ? [...HEAD, ...setupLines(st, ctx)] : [];
    const a = emitArgs(planCall(model, ctx), st);
    return finish([...setup, ...a.stmts, '', `result = ${call(model, a.args.map((x) => x.varName))}`, 'puts result.inspect'], ctx, [model]);
  },
  program(models, ctx) {
    const st = newState(em, RESERVED.ruby, ctx, ['config', 'client']);
    const steps = new Map<number, ProgramStep>();
    chainRefs(st, steps, rbAccess);
    const lines = [...HEAD, ...setupLines(st, ctx)];
    for (const model of models) {
      const plan = planCall(model, ctx);
      const a = emitArgs(plan, st);
      const resultVar = st.names.alloc(snake(resultName(plan)));
      steps.set(model.stepIndex, { plan, resultVar, resultType: plan.result, args: a });
      lines.push(
        `# Step ${model.stepIndex + 1}: ${model.service}.${model.action}`,
        ...a.stmts,
        `${resultVar} = ${call(model, a.args.map((x) => x.varName))}`,
        `puts ${resultVar}.inspect`,
        '',
      );
    }
    // An API error raises KalturaAPIError, which ends the script with a non-zero status.
    return finish(lines, ctx, models);
  },
};
