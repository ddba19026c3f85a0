/**
 * python: `KalturaClient` (`client.media.add(entry)`; plugin services under their plugin:
 * `client.metadata.metadataProfile.add(...)`; plugin classes imported from
 * `KalturaClient.Plugins.<Plugin>`). Properties keep the API's names (`entry.type`).
 */
import type { RequestModel } from '../../request/types';
import { RESERVED, pascal, snake } from '../naming';
import { emitArgs, extraReads, planCall, pluginOf, readsOf, resultShape, type CallPlan, type EmitState, type Emitter } from '../plan';
import { floatLiteral, intLiteral, pythonString } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { chainRefs, programSteps, finish, indent, newState, sessionPlan, type ProgramStep, fillInLines } from './common';

/** The client's attribute for a property: the API's name, with `_` after a Python keyword (`not_`). */
export function pythonProp(prop: string): string {
  return RESERVED.python.has(prop) ? prop + '_' : prop;
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
  map: (entries) => `{${entries.map(([k, e]) => `${pythonString(k)}: ${e}`).join(', ')}}`,
  comment: (t) => `# ${t}`,
  hexDigest: (v, digest, parts, st) => {
    st.uses.add(HASHLIB);
    return [`${v} = hashlib.${digest}((${parts.join(' + ')}).encode("utf-8")).hexdigest()`];
  },
  digests: ['md5', 'sha1', 'sha256', 'sha512'],
};

/** The marker in `st.uses` of a sample that hashes (`import hashlib`). */
const HASHLIB = 'python:hashlib';

/** `client.media`, or `client.metadata.metadataProfile` for a plugin service. */
export function pythonService(m: RequestModel, plugin: string | undefined): string {
  return plugin ? `client.${plugin}.${m.service}` : `client.${m.service}`;
}

function call(plan: CallPlan, ctx: CodegenContext, args: string[]): string {
  return `${pythonService(plan.model, pluginOf(plan.model, ctx.api))}.${plan.model.action}(${args.join(', ')})`;
}

/**
 * Lines that print what the reader needs from a result (ids, status, counts), with the values later
 * steps read that those do not show (`reads`: `objects.0.version` as each item's `version:`).
 */
function printResult(plan: CallPlan, ctx: CodegenContext, v: string, reads?: readonly string[]): string[] {
  const shape = resultShape(plan, ctx.api);
  const more = extraReads(shape, reads);
  const label = `${plan.model.service}.${plan.model.action}`;
  const top = more.top.map((r) => `print(${pythonString(r.path + ':')}, ${pyAccess(v, r.segs)})`);
  switch (shape.kind) {
    case 'void':
      return [`print(${pythonString(label + ': done')})`];
    case 'scalar':
      return [`print(${pythonString(label + ':')}, ${v})`];
    case 'object':
      return [...shape.fields.map((f) => `print(${pythonString(f + ':')}, ${v}.${f})`), ...top];
    case 'list': {
      const fields = [...shape.itemFields.map((f) => ({ path: f, segs: [f] })), ...more.item];
      return [
        `print("totalCount:", ${v}.totalCount)`,
        `for item in ${v}.objects:`,
        ...indent(
          [
            fields.length
              ? `print(${fields.map((f) => `${pythonString(f.path + ':')}, ${pyAccess('item', f.segs)}`).join(', ')})`
              : 'print(item)',
          ],
          '    ',
        ),
        ...top,
      ];
    }
    default:
      return [`print(vars(${v}) if hasattr(${v}, "__dict__") else ${v})`];
  }
}

function setupLines(st: EmitState, ctx: CodegenContext): string[] {
  const s = sessionPlan(ctx);
  const a = emitArgs(s, st);
  return [
    'config = KalturaConfiguration()',
    `config.serviceUrl = ${pythonString(ctx.connection.serviceUrl)}`,
    'client = KalturaClient(config)',
    ...a.stmts,
    `ks = ${call(
      s,
      ctx,
      a.args.map((x) => x.varName),
    )}`,
    'client.setKs(ks)',
    '',
  ];
}

/** The modules that hold the classes and enums used: the core, and each plugin's own. */
function imports(st: EmitState, ctx: CodegenContext): string[] {
  const modules = new Set<string>();
  for (const u of st.uses) {
    if (u === HASHLIB) continue;
    const p = ctx.api?.pluginOf?.(u);
    if (p) modules.add(pascal(p));
  }
  return [
    ...(st.uses.has(HASHLIB) ? ['import hashlib', ''] : []),
    'from KalturaClient import *',
    'from KalturaClient.Plugins.Core import *',
    ...[...modules].sort().map((m) => `from KalturaClient.Plugins.${m} import *`),
    '',
  ];
}

export const python: LanguageGenerator = {
  id: 'python',
  label: 'Python',
  fileExtension: 'py',
  shikiLang: 'python',
  grammar: 'python',
  step(model, ctx) {
    const st = newState(em, RESERVED.python, ctx, ['config', 'client', 'ks', 'result', 'item', 'hashlib']);
    st.ks = 'client.getKs()';
    const setup = ctx.setup ? setupLines(st, ctx) : [];
    const plan = planCall(model, ctx);
    const a = emitArgs(plan, st);
    const body = [
      ...a.stmts,
      '',
      `result = ${call(
        plan,
        ctx,
        a.args.map((x) => x.varName),
      )}`,
      ...printResult(plan, ctx, 'result', ctx.reads),
    ];
    const head = ctx.setup ? imports(st, ctx) : st.uses.has(HASHLIB) ? ['import hashlib', ''] : [];
    return finish([...head, ...fillInLines(st), ...setup, ...body], ctx, [model]);
  },
  program(models, ctx) {
    const st = newState(em, RESERVED.python, ctx, ['config', 'client', 'ks', 'item', 'hashlib']);
    st.ks = 'client.getKs()';
    const steps = new Map<number, ProgramStep>();
    chainRefs(st, steps, pyAccess);
    const reads = readsOf(models);
    const lines = setupLines(st, ctx);
    for (const { model, plan, args: a, resultVar, title } of programSteps(models, ctx, st, steps, { name: snake })) {
      const void_ = !plan.result && plan.op;
      lines.push(
        `# ${title}`,
        ...a.stmts,
        `${void_ ? '' : resultVar + ' = '}${call(
          plan,
          ctx,
          a.args.map((x) => x.varName),
        )}`,
        ...printResult(plan, ctx, resultVar, reads.get(model.stepIndex)),
        '',
      );
    }
    // An API error raises KalturaException, which ends the script with a non-zero status.
    return finish([...imports(st, ctx), ...fillInLines(st), ...lines], ctx, models);
  },
};
