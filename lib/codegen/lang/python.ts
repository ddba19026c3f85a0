/** python: `KalturaClient` (`client.media.add(entry)`; a property named `type` is `k_type`). */
import type { RequestModel } from '../../request/types';
import { RESERVED, snake } from '../naming';
import { emitArgs, planCall, type EmitState, type Emitter } from '../plan';
import { floatLiteral, intLiteral, pythonString } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { chainRefs, finish, newState, resultName, sessionPlan, type ProgramStep } from './common';

export function pythonProp(prop: string): string {
  return prop === 'type' ? 'k_type' : prop;
}

function pyAccess(base: string, segs: Array<string | number>): string {
  return base + segs.map((s) => (typeof s === 'number' ? `[${s}]` : `.${pythonProp(String(s))}`)).join('');
}

const em: Emitter = {
  str: pythonString,
  int: intLiteral,
  float: floatLiteral,
  bool: (b) => (b ? 'True' : 'False'),
  nil: () => 'None',
  enumConst: (v) => `${v.enumType}.${v.constant}`,
  newObject: (v, cls) => [`${v} = ${cls}()`],
  setProp: (v, _c, prop, expr) => `${v}.${pythonProp(prop)} = ${expr}`,
  array: (items) => `[${items.join(', ')}]`,
  declare: (v, expr) => `${v} = ${expr}`,
  file: (v, path) => [`${v} = open(${pythonString(path)}, "rb")`],
  varName: (n) => snake(n),
};

const call = (m: RequestModel, args: string[]) => `client.${m.service}.${m.action === 'list' ? 'list' : m.action}(${args.join(', ')})`;

function setupLines(st: EmitState, ctx: CodegenContext): string[] {
  const s = sessionPlan(ctx);
  const a = emitArgs(s, st);
  return [
    'config = KalturaConfiguration()',
    `config.serviceUrl = ${pythonString(ctx.connection.serviceUrl)}`,
    'client = KalturaClient(config)',
    ...a.stmts,
    `ks = ${call(s.model, a.args.map((x) => x.varName))}`,
    'client.setKs(ks)',
    '',
  ];
}

const IMPORTS = ['from KalturaClient import *', 'from KalturaClient.Plugins.Core import *', ''];

export const python: LanguageGenerator = {
  id: 'python',
  label: 'Python',
  fileExtension: 'py',
  shikiLang: 'python',
  grammar: 'python',
  step(model, ctx) {
    const st = newState(em, RESERVED.python, ctx, ['config', 'client', 'ks', 'result']);
    const setup = ctx.setup ? [...IMPORTS, ...setupLines(st, ctx)] : [];
    const a = emitArgs(planCall(model, ctx), st);
    return finish([...setup, ...a.stmts, '', `result = ${call(model, a.args.map((x) => x.varName))}`, 'print(result)'], ctx, [model]);
  },
  program(models, ctx) {
    const st = newState(em, RESERVED.python, ctx, ['config', 'client', 'ks']);
    const steps = new Map<number, ProgramStep>();
    chainRefs(st, steps, pyAccess);
    const lines = [...IMPORTS, ...setupLines(st, ctx)];
    for (const model of models) {
      const plan = planCall(model, ctx);
      const a = emitArgs(plan, st);
      const resultVar = st.names.alloc(snake(resultName(plan)));
      steps.set(model.stepIndex, { plan, resultVar, resultType: plan.result, args: a });
      lines.push(
        `# Step ${model.stepIndex + 1}: ${model.service}.${model.action}`,
        ...a.stmts,
        `${resultVar} = ${call(model, a.args.map((x) => x.varName))}`,
        `print(vars(${resultVar}) if hasattr(${resultVar}, "__dict__") else ${resultVar})`,
        '',
      );
    }
    // An API error raises KalturaException, which ends the script with a non-zero status.
    return finish(lines, ctx, models);
  },
};
