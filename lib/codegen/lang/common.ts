/** Pieces every generator shares: indentation, the session model, program bookkeeping. */
import type { TypeRef } from '../../description/types';
import { sessionStartModel as loginModel } from '../../request/models';
import type { RequestModel } from '../../request/types';
import { NameAllocator } from '../naming';
import {
  emitArgs,
  pathSegments,
  planCall,
  resultBaseName,
  typeAtPath,
  scrubSecrets,
  type CallPlan,
  type EmitState,
  type EmittedArgs,
  type Emitter,
  type RefValue,
} from '../plan';
import { SECRET_PLACEHOLDER, type CodegenContext } from '../types';

/** Indents lines (blank lines stay empty; leading and trailing blank lines are dropped). */
export function indent(lines: string[], by: string): string[] {
  const all = lines.flatMap((l) => l.split('\n'));
  let a = 0;
  let b = all.length;
  while (a < b && all[a] === '') a++;
  while (b > a && all[b - 1] === '') b--;
  return all.slice(a, b).map((l) => (l === '' ? '' : by + l));
}

/** Lines -> text with exactly one trailing newline and no runs of blank lines. */
export function finish(lines: string[], ctx: CodegenContext, models: RequestModel[]): string {
  const out: string[] = [];
  for (const l of lines.flatMap((x) => x.split('\n'))) {
    const line = l.replace(/[ \t]+$/, '');
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return scrubSecrets(out.join('\n') + '\n', ctx, models);
}

/**
 * The session.start call the set-up code makes: the console's own login (lib/request's
 * sessionStartModel: an ADMIN session with the admin secret, the same expiry), in every language.
 */
export function sessionStartModel(ctx: CodegenContext): RequestModel {
  const c = ctx.connection;
  // Without a known secret (a pasted KS, the sandbox) the set-up shows where the secret goes.
  return loginModel({ serviceUrl: c.serviceUrl, partnerId: c.partnerId ?? 0, secret: c.secret || SECRET_PLACEHOLDER, userId: c.userId });
}

export function sessionPlan(ctx: CodegenContext): CallPlan {
  const plan = planCall(sessionStartModel(ctx), ctx);
  // Keep secret, userId, type, partnerId even if the description is missing or orders differently.
  return plan;
}

export function newState(em: Emitter, reserved: ReadonlySet<string>, ctx: CodegenContext, taken: string[] = []): EmitState {
  return { em, names: new NameAllocator(reserved, taken), ctx, uses: new Set(), fillIns: [] };
}

/** Per-step bookkeeping of a whole-recipe program. */
export interface ProgramStep {
  plan: CallPlan;
  resultVar: string;
  resultType?: TypeRef | undefined;
  args?: EmittedArgs;
}

/** The FILL IN lines (values the reader must give) and a blank line after them; none when there are none. */
export function fillInLines(st: EmitState): string[] {
  return st.fillIns.length ? [...st.fillIns, ''] : [];
}

/** One step of a whole program, planned: its call, its emitted arguments, its result variable. */
export interface PlannedStep {
  model: RequestModel;
  plan: CallPlan;
  args: EmittedArgs;
  resultVar: string;
  /** "Step N: service.action", for the step's comment line. */
  title: string;
}

/**
 * The steps of a whole program in order: each is planned (`plan`, default planCall), its arguments
 * emitted, its result variable named (`name` shapes the name: snake case in Python and Ruby) and
 * recorded in `steps`, so the refs of later steps (chainRefs) read it. Lazy: a step is planned only
 * when the previous one has been printed, as the names it allocates come after the previous
 * step's.
 */
export function* programSteps(
  models: RequestModel[],
  ctx: CodegenContext,
  st: EmitState,
  steps: Map<number, ProgramStep>,
  opts: { plan?: typeof planCall; name?: (base: string) => string } = {},
): Generator<PlannedStep> {
  const planOf = opts.plan ?? planCall;
  for (const model of models) {
    const plan = planOf(model, ctx, models);
    const args = emitArgs(plan, st);
    const base = resultName(plan);
    const resultVar = st.names.alloc(opts.name ? opts.name(base) : base);
    steps.set(model.stepIndex, { plan, resultVar, resultType: plan.result, args });
    yield { model, plan, args, resultVar, title: `Step ${model.stepIndex + 1}: ${model.service}.${model.action}` };
  }
}

/**
 * Wires `st.refExpr` so a ref prints `access(resultVar, path)` of the step it comes from, or the
 * argument variable of that step for an `answer` ref.
 */
export function chainRefs(
  st: EmitState,
  steps: Map<number, ProgramStep>,
  access: (base: string, segs: Array<string | number>, type?: TypeRef) => string,
): void {
  st.refExpr = (ref: RefValue) => {
    const src = steps.get(ref.fromStep);
    if (!src) return undefined;
    let segs = pathSegments(ref.path);
    if (ref.source === 'value') return access(src.resultVar, segs, src.resultType);
    if (segs[0] === 'body') segs = segs.slice(1);
    const arg = src.args?.args.find((a) => a.name === segs[0]);
    if (!arg) return undefined;
    return access(arg.varName, segs.slice(1));
  };
  st.refType = (ref: RefValue) => {
    const src = steps.get(ref.fromStep);
    if (!src) return undefined;
    let segs = pathSegments(ref.path);
    if (ref.source === 'value') return typeAtPath(src.resultType, segs, st.ctx.api);
    if (segs[0] === 'body') segs = segs.slice(1);
    const arg = src.plan.args.find((a) => a.name === segs[0]);
    return typeAtPath(arg?.type, segs.slice(1), st.ctx.api);
  };
}

export function resultName(plan: CallPlan): string {
  return resultBaseName(plan);
}

export { emitArgs, planCall };
