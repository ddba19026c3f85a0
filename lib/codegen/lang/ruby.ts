/**
 * ruby: the `kaltura-client` gem (`client.media_service.add(entry)`, snake_case properties; plugin
 * services are on the client too: `client.metadata_profile_service`, as `require 'kaltura'` loads
 * every plugin).
 */
import type { RequestModel } from '../../request/types';
import { RESERVED, snake } from '../naming';
import { emitArgs, planCall, resultShape, type CallPlan, type EmitState, type Emitter } from '../plan';
import { floatLiteral, intLiteral, rubyString } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { chainRefs, finish, indent, newState, resultName, sessionPlan, type ProgramStep } from './common';

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
  map: (entries) => `{${entries.map(([k, e]) => `${rubyString(k)} => ${e}`).join(', ')}}`,
  comment: (t) => `# ${t}`,
};

/** `client.media_service`, `client.metadata_profile_service`. */
export function rubyService(m: RequestModel): string {
  return `client.${snake(m.service)}_service`;
}

const call = (m: RequestModel, args: string[]) => `${rubyService(m)}.${snake(m.action)}(${args.join(', ')})`;

function printResult(plan: CallPlan, ctx: CodegenContext, v: string): string[] {
  const shape = resultShape(plan, ctx.api);
  const label = `${plan.model.service}.${plan.model.action}`;
  const show = (base: string, f: string) => `${rubyString(f + ': ')} + ${base}.${snake(f)}.to_s`;
  switch (shape.kind) {
    case 'void':
      return [`puts ${rubyString(label + ': done')}`];
    case 'scalar':
      return [`puts ${rubyString(label + ': ')} + ${v}.to_s`];
    case 'object':
      return shape.fields.map((f) => `puts ${show(v, f)}`);
    case 'list':
      return [
        `puts "totalCount: " + ${v}.total_count.to_s`,
        `(${v}.objects || []).each do |item|`,
        ...indent([shape.itemFields.length ? `puts ${shape.itemFields.map((f) => show('item', f)).join(' + " " + ')}` : 'puts item.inspect'], '  '),
        'end',
      ];
    default:
      return [`puts ${v}.inspect`];
  }
}

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
const fills = (st: EmitState) => (st.fillIns.length ? [...st.fillIns, ''] : []);

export const ruby: LanguageGenerator = {
  id: 'ruby',
  label: 'Ruby',
  fileExtension: 'rb',
  shikiLang: 'ruby',
  grammar: 'ruby',
  step(model, ctx) {
    const st = newState(em, RESERVED.ruby, ctx, ['config', 'client', 'result', 'item']);
    const setup = ctx.setup ? setupLines(st, ctx) : [];
    const plan = planCall(model, ctx);
    const a = emitArgs(plan, st);
    const body = [...a.stmts, '', `result = ${call(model, a.args.map((x) => x.varName))}`, ...printResult(plan, ctx, 'result')];
    return finish([...(ctx.setup ? HEAD : []), ...fills(st), ...setup, ...body], ctx, [model]);
  },
  program(models, ctx) {
    const st = newState(em, RESERVED.ruby, ctx, ['config', 'client', 'item']);
    const steps = new Map<number, ProgramStep>();
    chainRefs(st, steps, rbAccess);
    const lines = setupLines(st, ctx);
    for (const model of models) {
      const plan = planCall(model, ctx);
      const a = emitArgs(plan, st);
      const resultVar = st.names.alloc(snake(resultName(plan)));
      steps.set(model.stepIndex, { plan, resultVar, resultType: plan.result, args: a });
      lines.push(
        `# Step ${model.stepIndex + 1}: ${model.service}.${model.action}`,
        ...a.stmts,
        `${resultVar} = ${call(model, a.args.map((x) => x.varName))}`,
        ...printResult(plan, ctx, resultVar),
        '',
      );
    }
    // An API error raises KalturaAPIError, which ends the script with a non-zero status.
    return finish([...HEAD, ...fills(st), ...lines], ctx, models);
  },
};
