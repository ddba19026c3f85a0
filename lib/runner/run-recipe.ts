/**
 * Runs a whole recipe without a page (`npm run recipes:test`), step after step, the way the page
 * runs it: the same form (buildForm + initialValues), the same runner store (values, globals,
 * results that feed dynamic values), the same validation, the same request model
 * (buildRequestModel) performed through a StepExecutor (the chunked uploader is injected by the
 * caller, as the page's runner context holds it), dynamicEnum choices from the same request (the
 * first choice unless a value is given), and READY polling after the steps where the page polls.
 * A step's `expect` is checked against its response (or the entry once processing is over).
 *
 * Framework-free; reports per step what ran, how long it took, and on failure a message with the
 * recipe line it belongs to and, where a value would fix it, how to give one.
 */
import { entryStatusName } from '@/lib/description/kaltura/statuses';
import type { ApiDescription } from '@/lib/description/types';
import { walkFields, buildForm } from '@/lib/form/build';
import { getPath } from '@/lib/form/paths';
import type { FieldError, FileValue, FormField, FormModel } from '@/lib/form/types';
import { validateValues } from '@/lib/form/validate';
import { isBlockedError } from '@/lib/form/dynamic';
import { initialValues, isEmpty, resolveValues, toAnswers } from '@/lib/form/values';
import { buildRequestModel } from '@/lib/request/build';
import type { ExecuteResult } from '@/lib/request/execute';
import { errorText, type CallError } from '@/lib/request/response';
import { toHttpRequest } from '@/lib/request/http';
import type { Connection, HttpRequest, RequestModel } from '@/lib/request/types';
import type { Parameter, Recipe, SchemaNode, Step } from '@/lib/recipe/types';
import { nearest } from '@/lib/recipe/suggest';
import { loadFieldChoices } from './dynamic-enum';
import { asEntry, hasFailed, isProcessing, pollEntry, type EntryJson } from './entry-status';
import { executeStep, type StepExecution, type StepExecutor } from './execute-step';
import { checkExpectations, type ExpectOutcome } from './expect';
import { fieldsByPath, userPath, valueFlag } from './given-values';
import { readerValue } from './reader-values';
import { createRunnerStore } from './runner-state';

export interface RunFile {
  blob: Blob;
  name: string;
  mimeType?: string;
}

export interface RecipeRunInput {
  recipe: Recipe;
  api: ApiDescription;
  connection: Connection;
  /** Values given for steps (0-based): form path -> value, already converted (see given-values.ts). */
  values?: Record<number, Array<{ path: string; value: unknown }>>;
  /** The bytes of a file field (called once per file field of a step that runs). */
  file?: (stepIndex: number, field: FormField) => RunFile | Promise<RunFile>;
  /** How steps are performed (e.g. the chunked uploader); `next` is one request. Default: one request. */
  executor?: StepExecutor;
  fetchImpl?: typeof fetch;
  /** Entry polling: first pause, longest pause, time limit (ms). */
  poll?: { intervalMs?: number; maxIntervalMs?: number; limitMs?: number };
  /** True when the target is the built-in sandbox: an action it lacks is "not simulated". */
  sandbox?: boolean;
  /** How a message names the way to give a value (default: the `--value` flag). */
  valueHint?: (stepIndex: number, path: string) => string;
  signal?: AbortSignal;
  /** Called when a step starts and when it is done (for progress output). */
  onStepStart?: (step: Step) => void;
  onStep?: (r: StepReport) => void;
}

export type StepStatus = 'passed' | 'failed' | 'skipped';

export type FailureKind =
  | 'lint'
  | 'value'
  | 'kaltura'
  | 'not-simulated'
  | 'network'
  | 'http'
  | 'parse'
  | 'file'
  | 'aborted'
  | 'entry'
  | 'expect';

export interface StepFailure {
  kind: FailureKind;
  /** The KalturaAPIException code, when the server answered one. */
  code?: string;
  message: string;
  /** 1-based line in the recipe the failure belongs to. */
  line: number;
  /** What would fix it (`pass --value 3.entry.mediaType=VALUE`). */
  hint?: string;
}

export interface ExpectReport {
  path: string;
  pass: boolean;
  message: string;
  line: number;
}

/** What was sent, with secrets masked (the KS, an admin secret). */
export interface SentRequest {
  method: 'POST';
  url: string;
  body: HttpRequest['body'];
}

export interface StepReport {
  /** 0-based index; `number` is as on the page (1-based). */
  index: number;
  number: number;
  title: string;
  /** Line of the step's `## ` heading. */
  line: number;
  /** `media.add`; absent for a step without a call. */
  operation?: string;
  status: StepStatus;
  /** Why a step was skipped. */
  reason?: string;
  /** Wall time of the step: choices, the call (all chunks of an upload), polling. */
  timeMs: number;
  /** HTTP status of the step's call. */
  httpStatus?: number;
  failure?: StepFailure;
  expect?: ExpectReport[];
  request?: SentRequest;
  response?: unknown;
  /** The entry once processing was over, when the step's answer was an entry being processed. */
  entry?: { id: string; status?: number | string | undefined; checks: number; waitedMs: number };
}

export interface RecipeReport {
  title: string;
  passed: boolean;
  steps: StepReport[];
  /** Problems found before running (recipe errors stop the run). */
  lint: StepFailure[];
  timeMs: number;
}

const MASK = '***';

/** The request as reports show it: the KS and secret parameters masked. */
export function maskRequest(req: HttpRequest, model: RequestModel): SentRequest {
  const url = new URL(req.url);
  for (const k of req.secretQueryKeys) if (url.searchParams.has(k)) url.searchParams.set(k, MASK);
  const secret = new Set(model.params.filter((p) => p.secret).map((p) => p.name));
  const hide = (fields: Array<[string, string]>): Array<[string, string]> =>
    fields.map(([k, v]) => [k, secret.has(paramName(k)) ? MASK : v]);
  let body: HttpRequest['body'] = req.body;
  if (body.kind === 'form') body = { kind: 'form', fields: hide(body.fields) };
  else if (body.kind === 'multipart') body = { kind: 'multipart', fields: hide(body.fields), files: body.files.map((f) => ({ ...f })) };
  return { method: 'POST', url: url.toString(), body };
}

/** The parameter an HTTP field belongs to: `entry` of `entry[name]`. */
function paramName(field: string): string {
  const bracket = field.indexOf('[');
  return bracket < 0 ? field : field.slice(0, bracket);
}

/** A schema's property by name: its own, never one inherited from Object (`toString`). */
function ownProperty(props: Record<string, SchemaNode> | undefined, name: string): SchemaNode | undefined {
  return props && Object.hasOwn(props, name) ? props[name] : undefined;
}

/** The recipe node (parameter or schema property) a form path comes from. */
export function recipeNodeAt(step: Step, path: string): Parameter | SchemaNode | undefined {
  const call = step.apiCall;
  if (!call) return undefined;
  const segs = path.split('.');
  let node: Parameter | SchemaNode | undefined;
  let rest: string[];
  if (segs[0] === 'body') {
    const bodyParam = call.parameters.find((p) => p.in === 'body' || (p.name === 'body' && p.schema));
    const name = segs[1];
    // `body` alone names no parameter or property.
    if (name === undefined) return undefined;
    node = ownProperty(bodyParam?.schema?.properties, name) ?? call.parameters.find((p) => p.name === name);
    rest = segs.slice(2);
  } else {
    node = call.parameters.find((p) => p.name === segs[0]);
    rest = segs.slice(1);
  }
  for (const s of rest) {
    const props: Record<string, SchemaNode> | undefined = !node ? undefined : 'name' in node ? node.schema?.properties : node.properties;
    const next = ownProperty(props, s);
    if (!next) return node;
    node = next;
  }
  return node;
}

/** The recipe line of a field: its dynamicValue's when the value came from there, else the input's. */
function fieldLine(step: Step, path: string, given = false): number {
  const node = recipeNodeAt(step, path);
  const line = (given ? undefined : node?.dynamicValue?.range.start.line) ?? node?.range.start.line;
  return line ?? step.apiCall?.headingRange.start.line ?? step.range.start.line;
}

function callLine(step: Step): number {
  return step.apiCall?.headingRange.start.line ?? step.range.start.line;
}

/** Leaf values of the submitted form, by field path, as text (to tell which field a server error names). */
function sentLeaves(form: FormModel, values: Record<string, unknown>): Array<{ path: string; text: string; field: FormField }> {
  const out: Array<{ path: string; text: string; field: FormField }> = [];
  walkFields(form.fields, (f) => {
    if (f.kind === 'object' || f.path.includes('#')) return;
    const v = getPath(values, f.path);
    if (v === undefined || v === null || typeof v === 'object') return;
    out.push({ path: f.path, text: String(v), field: f });
  });
  return out;
}

interface Ctx {
  input: RecipeRunInput;
  hint: (stepIndex: number, path: string) => string;
}

/** `values`: as submitted (dynamic values resolved); `user`: as the reader gave them. */
function kalturaFailure(
  ctx: Ctx,
  step: Step,
  form: FormModel,
  values: Record<string, unknown>,
  e: Extract<CallError, { kind: 'kaltura' }>,
  model: RequestModel,
  user: Record<string, unknown>,
): StepFailure {
  const { api, sandbox } = ctx.input;
  const op = `${model.service}.${model.action}`;
  if ((e.code === 'ACTION_DOES_NOT_EXISTS' || e.code === 'SERVICE_DOES_NOT_EXISTS') && api.operationByName(model.service, model.action)) {
    return {
      kind: 'not-simulated',
      code: e.code,
      message: sandbox
        ? `not simulated: the built-in sandbox does not implement ${op} yet (${e.code}: ${e.message}).`
        : `the endpoint does not have ${op} (${e.code}: ${e.message}).`,
      line: callLine(step),
      hint: sandbox
        ? 'run this recipe against a Kaltura endpoint: --service-url URL --partner-id ID --secret SECRET (or --ks KS).'
        : "check that the endpoint has the service's plugin enabled.",
    };
  }
  // the sandbox's own answers for what it does not simulate: an action of the API, or a filter field it cannot apply
  if (sandbox && (e.code === 'SANDBOX_ACTION_NOT_SIMULATED' || e.code === 'SANDBOX_FILTER_NOT_SIMULATED')) {
    return {
      kind: 'not-simulated',
      code: e.code,
      message: `not simulated: ${e.message}`,
      line: callLine(step),
      hint: 'run this recipe against a Kaltura endpoint: --service-url URL --partner-id ID --secret SECRET (or --ks KS).',
    };
  }
  const failure: StepFailure = { kind: 'kaltura', code: e.code, message: `${e.code}: ${e.message}`, line: callLine(step) };
  const fields = fieldsByPath(form);
  // A property or parameter the server names (PROPERTY_VALIDATION_CANNOT_BE_NULL, MISSING_MANDATORY_PARAMETER).
  const named = e.args.PROP_NAME ?? e.args.PARAM_NAME ?? e.args.PROPERTY_NAME;
  if (named) {
    const segs = named.split(/[:.]/).filter(Boolean);
    const hit = [...fields.values()].find((f) => {
      const p = f.path.split('.');
      return p.slice(-segs.length).join('.') === segs.join('.');
    });
    if (hit) {
      failure.line = fieldLine(step, hit.path);
      failure.hint = `give ${userPath(hit.path)} a value: ${ctx.hint(step.index, hit.path)}.`;
      return failure;
    }
  }
  // A value the server quotes back (ENTRY_ID_NOT_FOUND 0_abc): the field that sent it (by name first: ENTRY_ID is entryId).
  const sent = sentLeaves(form, values);
  const squash = (t: string) => t.replace(/[^a-z0-9]/gi, '').toLowerCase();
  let leaf: (typeof sent)[number] | undefined;
  for (const [k, a] of Object.entries(e.args)) {
    if (typeof a !== 'string' || a.length < 3) continue;
    const hits = sent.filter((l) => l.text === a);
    const named = hits.find((l) => squash(l.field.name) === squash(k)) ?? hits.find((l) => squash(k).includes(squash(l.field.name)));
    if (named) {
      leaf = named;
      break;
    }
    leaf ??= hits[0];
  }
  if (!leaf) {
    // No value quoted (UPLOAD_TOKEN_NOT_FOUND): the one field the code is about, if one is (uploadTokenId).
    const code = squash(e.code);
    const about = sent.filter((l) => {
      const n = squash(l.field.name).replace(/id$/, '');
      return n.length >= 3 && code.includes(n);
    });
    if (about.length === 1) leaf = about[0];
  }
  if (leaf) {
    // A value given over the dynamic one (--value) is the reader's, not the earlier step's.
    const given = !isEmpty(getPath(user, leaf.path));
    failure.line = fieldLine(step, leaf.path, given);
    const dv = given ? undefined : leaf.field.dynamicValue;
    failure.hint = dv
      ? `${userPath(leaf.path)} was ${JSON.stringify(leaf.text)}, taken from step ${dv.fromStep + 1} (${dv.value !== undefined ? `its response's ${dv.value || 'whole answer'}` : `its input ${dv.answer}`}): check that fromStep and path point where you mean.`
      : `${userPath(leaf.path)} was ${JSON.stringify(leaf.text)}: check the value (${ctx.hint(step.index, leaf.path)}).`;
  }
  return failure;
}

function callFailure(
  ctx: Ctx,
  step: Step,
  form: FormModel,
  values: Record<string, unknown>,
  r: ExecuteResult,
  model: RequestModel,
  user: Record<string, unknown>,
): StepFailure {
  const e = r.error;
  const line = callLine(step);
  if (!e) return { kind: 'http', message: `The call did not succeed (HTTP ${r.status ?? '?'}).`, line };
  switch (e.kind) {
    case 'kaltura':
      return kalturaFailure(ctx, step, form, values, e, model, user);
    case 'unresolved':
      return { kind: 'value', message: e.message, line };
    default:
      return { kind: e.kind, message: e.message, line };
  }
}

/** Runs every step of the recipe in order; never throws for what a recipe or a server does. */
export async function runRecipe(input: RecipeRunInput): Promise<RecipeReport> {
  const started = performance.now();
  const { recipe, api, connection } = input;
  const ctx: Ctx = { input, hint: input.valueHint ?? valueFlag };
  const report: RecipeReport = { title: recipe.title, passed: false, steps: [], lint: [], timeMs: 0 };
  for (const d of recipe.diagnostics) {
    if (d.severity === 'error') report.lint.push({ kind: 'lint', message: `${d.message}`, line: d.line });
  }
  const store = createRunnerStore();
  // Each step with its form (built from it).
  const staged = recipe.steps.map((step) => ({ step, form: buildForm(step, api) }));
  for (const { form } of staged) store.registerForm(form);
  const failedSteps = new Set<number>();
  const secrets = new Set<string>([connection.ks, connection.secret].filter((x): x is string => !!x && x.length >= 4));

  for (const { step, form } of staged) {
    const i = step.index;
    const t0 = performance.now();
    const base: StepReport = { index: i, number: i + 1, title: step.title, line: step.range.start.line, status: 'skipped', timeMs: 0 };
    if (form.service && form.action) base.operation = `${form.service}.${form.action}`;
    const done = (r: StepReport): void => {
      r.timeMs = performance.now() - t0;
      if (r.status === 'failed') failedSteps.add(i);
      report.steps.push(r);
      input.onStep?.(r);
    };
    if (!form.service || !form.action) {
      done({ ...base, reason: step.apiCall ? 'no operation to call (inputs only)' : 'prose only' });
      continue;
    }
    if (report.lint.length > 0) {
      done({ ...base, reason: 'not run: the recipe has errors' });
      continue;
    }
    if (input.signal?.aborted) {
      done({ ...base, reason: 'not run: cancelled' });
      continue;
    }
    input.onStepStart?.(step);
    const initial = initialValues(form, connection);
    const fail = (failure: StepFailure, extra: Partial<StepReport> = {}) => done({ ...base, ...extra, status: 'failed', failure });

    // Given values, then the first choice of dropdowns filled by a call, then files.
    const given = new Set<string>();
    for (const g of input.values?.[i] ?? []) {
      store.setValue(i, g.path, g.value, fieldsByPath(form).get(g.path), initial);
      given.add(g.path);
    }
    let stop: StepFailure | undefined;
    const dynEnums: FormField[] = [];
    walkFields(form.fields, (f) => f.dynamicEnum && !f.path.includes('#') && dynEnums.push(f));
    for (const f of dynEnums) {
      if (given.has(f.path) || !isEmpty(getPath(store.getValues(i) ?? initial, f.path))) continue;
      const choices = await loadFieldChoices(f, api, connection, i, store.results(), { fetchImpl: input.fetchImpl, signal: input.signal });
      const [first] = choices.options;
      if (first === undefined) {
        stop = {
          kind: 'value',
          message: `${userPath(f.path)} is a choice filled by ${f.dynamicEnum!.path}, which gave none (${choices.error ?? 'no choices'}).`,
          line: fieldLine(step, f.path),
          hint: `give a value: ${ctx.hint(i, f.path)}.`,
        };
        break;
      }
      store.setValue(i, f.path, first.value, f, initial);
    }
    if (stop) {
      fail(stop);
      continue;
    }
    for (const f of form.fields) {
      if (f.kind !== 'file' || f.custom) continue;
      if (!input.file) continue;
      try {
        const file = await input.file(i, f);
        // A File, as the page's file input gives: the uploader names the upload after it.
        const blob =
          typeof File !== 'undefined' && !(file.blob instanceof File)
            ? new File([file.blob], file.name, file.mimeType ? { type: file.mimeType } : {})
            : file.blob;
        store.setFile(i, f.param ?? f.name, blob);
        const v: FileValue = { kind: 'file', name: file.name, size: file.blob.size, ...(file.mimeType ? { mimeType: file.mimeType } : {}) };
        store.setValue(i, f.path, v, f, initial);
      } catch (e) {
        stop = {
          kind: 'file',
          message: `Cannot read the file for ${userPath(f.path)}: ${(e as Error)?.message ?? e}.`,
          line: fieldLine(step, f.path),
          hint: 'pass a readable file with --file PATH.',
        };
        break;
      }
    }
    if (stop) {
      fail(stop);
      continue;
    }

    // A required input the reader computes by hand (an app token's hash): computed the same way.
    for (const f of form.fields) {
      if (!f.required || given.has(f.path) || !isEmpty(getPath(store.getValues(i) ?? initial, f.path))) continue;
      const current = resolveValues(form, store.getValues(i) ?? initial, store.results(), store.getState().globals).values;
      const v = await readerValue(`${form.service}.${form.action}`, f.path, current, store.results(), connection.ks);
      if (v !== undefined) store.setValue(i, f.path, v, f, initial);
    }

    const state = store.getState();
    const values = store.getValues(i) ?? initial;
    const results = store.results();
    const resolved = resolveValues(form, values, results, state.globals);
    const built = buildRequestModel({ step, form, values, results, connection, api, globals: state.globals });
    if (built.blockedBy.length > 0) {
      const failed = built.blockedBy.filter(
        (b) => failedSteps.has(b) || (report.steps[b]?.status === 'skipped' && report.steps[b]?.reason?.startsWith('not run')),
      );
      if (failed.length) {
        done({ ...base, reason: `not run: it needs step ${failed.map((b) => b + 1).join(' and step ')}, which did not pass` });
      } else {
        // The source step ran before but can give nothing (it makes no call): the recipe cannot work.
        const src = built.blockedBy.map((b) => b + 1).join(' and step ');
        const e = resolved.errors.find(isBlockedError);
        fail({
          kind: 'value',
          message: `it takes a value from step ${src}, which has no result to take it from (it makes no call).`,
          line: e ? fieldLine(step, e.path) : callLine(step),
        });
      }
      continue;
    }
    // A value an earlier step should have given comes first: it is the cause of the rest.
    const fromSteps = built.errors.filter((e) => !isBlockedError(e));
    const errors: FieldError[] = [
      ...fromSteps,
      ...validateValues(form, resolved.values).filter((e) => !fromSteps.some((x) => x.path === e.path)),
    ];
    if (errors.length > 0 || !built.model) {
      const e = errors[0] ?? { path: '', message: 'The request could not be built.' };
      const field = fieldsByPath(form).get(e.path);
      const missing = /is required/.test(e.message);
      const more =
        errors.length > 1
          ? ` (and ${errors.length - 1} more: ${errors
              .slice(1)
              .map((x) => userPath(x.path))
              .join(', ')})`
          : '';
      let hint: string | undefined;
      const dyn = field?.dynamicValue ? resolved.dynamic[e.path] : undefined;
      if (dyn && dyn.resolution.status === 'missing' && field?.dynamicValue?.value !== undefined) {
        hint = pathHint(field.dynamicValue.value, results[field.dynamicValue.fromStep]?.response, field.dynamicValue.fromStep);
      } else if (field?.kind === 'file') hint = 'pass the file with --file PATH.';
      else if (field)
        hint = `${missing ? `give ${userPath(e.path)} a value` : `give ${userPath(e.path)} a valid value`}: ${ctx.hint(i, e.path)}.`;
      fail({
        kind: 'value',
        message: `${e.path ? `${userPath(e.path)}: ` : ''}${e.message}${more} Nothing was sent.`,
        line: e.path ? fieldLine(step, e.path) : callLine(step),
        ...(hint ? { hint } : {}),
      });
      continue;
    }

    const model = built.model;
    store.startRun(i);
    const x: StepExecution = { model, files: store.files(i), signal: input.signal };
    let result: ExecuteResult;
    try {
      result = await executeStep(x, input.executor, input.fetchImpl);
    } catch (e) {
      // An executor that throws (it should answer an ExecuteResult) still ends the step, not the run.
      result = {
        ok: false,
        timeMs: 0,
        raw: '',
        request: toHttpRequest(model),
        error: { kind: 'network', message: String((e as Error)?.message ?? e) },
      };
    }
    store.finishRun(i, result, toAnswers(resolved.values));
    // A session a step starts is a secret too: reports never show it.
    if (model.service.toLowerCase() === 'session' && model.action === 'start' && typeof result.json === 'string') secrets.add(result.json);
    const sent = maskRequest(result.request, model);
    const common: Partial<StepReport> = {
      request: sent,
      response: result.json,
      ...(result.status !== undefined ? { httpStatus: result.status } : {}),
    };
    if (!result.ok) {
      fail(callFailure(ctx, step, form, resolved.values, result, model, values), common);
      continue;
    }

    // Where the page follows an entry's processing, wait for it too.
    let checked: unknown = result.json;
    const entry = asEntry(result.json);
    if (entry && isProcessing(entry)) {
      const p = await pollEntry(entry, { connection, stepIndex: i, signal: input.signal, fetchImpl: input.fetchImpl, ...input.poll });
      common.entry = { id: p.entry.id, status: p.entry.status, checks: p.checks, waitedMs: p.waitedMs };
      checked = p.entry;
      if (p.error) {
        fail(
          { kind: 'entry', message: `Checking entry ${entry.id} (media.get) failed: ${errorText(p.error)}`, line: callLine(step) },
          common,
        );
        continue;
      }
      if (p.timedOut) {
        fail(
          {
            kind: 'entry',
            message: `Entry ${entry.id} was still processing (status ${String(p.entry.status)}) when the time limit ran out.`,
            line: callLine(step),
          },
          common,
        );
        continue;
      }
      if (hasFailed(p.entry)) {
        fail(
          {
            kind: 'entry',
            message: `Entry ${entry.id} ended ${entryStatusName(p.entry.status)} [${String(p.entry.status)}] instead of READY.`,
            line: callLine(step),
          },
          common,
        );
        continue;
      }
    }
    const outcomes = checkExpectations(step.apiCall?.expect, checked);
    if (outcomes.length > 0) common.expect = outcomes.map(expectReport);
    const failedExpect = outcomes.find((o) => !o.pass);
    if (failedExpect) {
      const n = outcomes.filter((o) => !o.pass).length;
      fail(
        {
          kind: 'expect',
          message: `expect: ${failedExpect.message}${n > 1 ? ` (and ${n - 1} more)` : ''}.`,
          line: failedExpect.expectation.range.start.line,
        },
        common,
      );
      continue;
    }
    done({ ...base, ...common, status: 'passed' });
  }
  report.passed = report.lint.length === 0 && report.steps.every((s) => s.status !== 'failed');
  scrubSecrets(report, secrets);
  report.timeMs = performance.now() - started;
  return report;
}

/** What a wrong path into an earlier response could have been: the keys found where it stops, and the nearest one. */
function pathHint(path: string, response: unknown, fromStep: number): string {
  const segs = path.split('.');
  let cur: unknown = response;
  let k = 0;
  for (const seg of segs) {
    const next = getPath(cur, [seg]);
    if (next === undefined) break;
    cur = next;
    k++;
  }
  const at = segs.slice(0, k).join('.');
  const keys = Array.isArray(cur) ? cur.map((_, n) => String(n)) : cur && typeof cur === 'object' ? Object.keys(cur) : [];
  if (keys.length === 0) return `step ${fromStep + 1}'s response has nothing under ${at || 'its top'}: check the path "${path}".`;
  const sug = nearest(segs[k] ?? '', keys);
  const where = at ? `"${at}" in step ${fromStep + 1}'s response` : `step ${fromStep + 1}'s response`;
  return `${where} has ${keys.slice(0, 12).join(', ')}${keys.length > 12 ? ', ...' : ''}${sug ? `: did you mean "${[...segs.slice(0, k), sug].join('.')}"?` : '.'}`;
}

/** Replaces every occurrence of a secret (the KS, the admin secret, a started session) in the report's requests and responses. */
function scrubSecrets(report: RecipeReport, secrets: Set<string>): void {
  if (secrets.size === 0) return;
  const list = [...secrets];
  const scrub = (v: unknown): unknown => {
    if (typeof v === 'string') return list.reduce((t, s) => (t.includes(s) ? t.split(s).join(MASK) : t), v);
    if (Array.isArray(v)) return v.map(scrub);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scrub(x)]));
    return v;
  };
  for (const s of report.steps) {
    if (s.request) s.request = scrub(s.request) as SentRequest;
    if (s.response !== undefined) s.response = scrub(s.response);
    if (s.failure) s.failure = scrub(s.failure) as StepFailure;
  }
}

function expectReport(o: ExpectOutcome): ExpectReport {
  return { path: o.expectation.path, pass: o.pass, message: o.message, line: o.expectation.range.start.line };
}

export type { EntryJson };
