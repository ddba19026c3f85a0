/**
 * ruby: the `kaltura-client` gem (`client.media_service.add(entry)`, snake_case properties; plugin
 * services are on the client too: `client.metadata_profile_service`, as `require 'kaltura'` loads
 * every plugin).
 */
import type { RequestModel } from '../../request/types';
import { RESERVED, snake } from '../naming';
import { emitArgs, extraReads, planCall, readsOf, resultShape, type CallPlan, type EmitState, type Emitter } from '../plan';
import { floatLiteral, intLiteral, rubyString } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { chainRefs, programSteps, finish, indent, newState, sessionPlan, type ProgramStep, fillInLines } from './common';

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
  hexDigest: (v, digest, parts, st) => {
    st.uses.add(DIGEST);
    return [`${v} = Digest::${digest.toUpperCase()}.hexdigest(${parts.join(' + ')})`];
  },
  digests: ['md5', 'sha1', 'sha256', 'sha512'],
};

/** The marker in `st.uses` of a sample that hashes (`require 'digest'`). */
const DIGEST = 'ruby:digest';

/** `client.media_service`, `client.metadata_profile_service`. */
export function rubyService(m: RequestModel): string {
  return `client.${snake(m.service)}_service`;
}

const call = (m: RequestModel, args: string[]) => `${rubyService(m)}.${snake(m.action)}(${args.join(', ')})`;

/** What the reader needs from a result, with the values later steps read that it does not show (`reads`). */
function printResult(plan: CallPlan, ctx: CodegenContext, v: string, reads?: readonly string[]): string[] {
  const shape = resultShape(plan, ctx.api);
  const more = extraReads(shape, reads);
  const label = `${plan.model.service}.${plan.model.action}`;
  const show = (base: string, path: string, segs: Array<string | number>) => `${rubyString(path + ': ')} + ${rbAccess(base, segs)}.to_s`;
  const top = more.top.map((r) => `puts ${show(v, r.path, r.segs)}`);
  switch (shape.kind) {
    case 'void':
      return [`puts ${rubyString(label + ': done')}`];
    case 'scalar':
      return [`puts ${rubyString(label + ': ')} + ${v}.to_s`];
    case 'object':
      return [...shape.fields.map((f) => `puts ${show(v, f, [f])}`), ...top];
    case 'list': {
      const fields = [...shape.itemFields.map((f) => ({ path: f, segs: [f] as Array<string | number> })), ...more.item];
      return [
        `puts "totalCount: " + ${v}.total_count.to_s`,
        `(${v}.objects || []).each do |item|`,
        ...indent(
          [fields.length ? `puts ${fields.map((f) => show('item', f.path, f.segs)).join(' + " " + ')}` : 'puts item.inspect'],
          '  ',
        ),
        'end',
        ...top,
      ];
    }
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
    `client.ks = ${call(
      s.model,
      a.args.map((x) => x.varName),
    )}`,
    '',
  ];
}

const HEAD = ["require 'kaltura'", 'include Kaltura', ''];
const head = (st: EmitState, setup: boolean): string[] => [
  ...(st.uses.has(DIGEST) ? ["require 'digest'"] : []),
  ...(setup ? HEAD : st.uses.has(DIGEST) ? [''] : []),
];

export const ruby: LanguageGenerator = {
  id: 'ruby',
  label: 'Ruby',
  fileExtension: 'rb',
  shikiLang: 'ruby',
  grammar: 'ruby',
  step(model, ctx) {
    const st = newState(em, RESERVED.ruby, ctx, ['config', 'client', 'result', 'item']);
    st.ks = 'client.ks';
    const setup = ctx.setup ? setupLines(st, ctx) : [];
    const plan = planCall(model, ctx);
    const a = emitArgs(plan, st);
    const body = [
      ...a.stmts,
      '',
      `result = ${call(
        model,
        a.args.map((x) => x.varName),
      )}`,
      ...printResult(plan, ctx, 'result', ctx.reads),
    ];
    return finish([...head(st, ctx.setup), ...fillInLines(st), ...setup, ...body], ctx, [model]);
  },
  program(models, ctx) {
    const st = newState(em, RESERVED.ruby, ctx, ['config', 'client', 'item']);
    st.ks = 'client.ks';
    const steps = new Map<number, ProgramStep>();
    chainRefs(st, steps, rbAccess);
    const reads = readsOf(models);
    const lines = setupLines(st, ctx);
    for (const { model, plan, args: a, resultVar, title } of programSteps(models, ctx, st, steps, { name: snake })) {
      lines.push(
        `# ${title}`,
        ...a.stmts,
        `${resultVar} = ${call(
          model,
          a.args.map((x) => x.varName),
        )}`,
        ...printResult(plan, ctx, resultVar, reads.get(model.stepIndex)),
        '',
      );
    }
    // An API error raises KalturaAPIError, which ends the script with a non-zero status.
    return finish([...head(st, true), ...fillInLines(st), ...lines], ctx, models);
  },
};
