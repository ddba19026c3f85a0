/**
 * curl: raw HTTP, printed from `toHttpRequest` (lib/request/http.ts) only. The KS travels in a
 * shell variable; whole-recipe programs chain results with jq.
 */
import { toHttpRequest } from '../../request/http';
import type { RequestModel, Value } from '../../request/types';
import {
  FILL_IN,
  maskModel,
  pathSegments,
  placeholderText,
  planCall,
  secretText,
  tokenHashNotes,
  type RefValue,
  type TokenHashPlan,
} from '../plan';
import { shellDoubleQuoteInner, shellQuote } from '../strings';
import { KS_PLACEHOLDER, type CodegenContext, type LanguageGenerator } from '../types';
import { finish, sessionStartModel } from './common';

/** Characters a shell word cannot hold as typed (besides newline and tab, which single quotes keep). */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

/** Bash ANSI-C quoting (`$'...'`) with \xHH escapes. A NUL cannot be passed in an argument at all. */
function ansiC(s: string): string {
  let out = "$'";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\' || ch === "'") out += '\\' + ch;
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + "'";
}

const KS_SENTINEL = '\uE000KS\uE000';
const REF_PREFIX = '\uE000REF';

/** Replaces refs with sentinels the printer turns into shell variables. */
function mapRefs(value: Value, onRef: (r: RefValue) => string | undefined): Value {
  switch (value.kind) {
    case 'ref': {
      const s = onRef(value);
      if (s !== undefined) return { kind: 'string', value: s };
      return value.resolved ? mapRefs(value.resolved, onRef) : value;
    }
    case 'object':
      return { ...value, fields: value.fields.map((f) => ({ name: f.name, value: mapRefs(f.value, onRef) })) };
    case 'array':
      return { ...value, items: value.items.map((i) => mapRefs(i, onRef)) };
    default:
      return value;
  }
}

interface CurlOptions {
  /** Shell variable names by sentinel. */
  vars: Map<string, string>;
  /** Capture into a variable (`NAME=$(kcall ...)`) instead of printing. */
  assign?: string;
  /** Run through `kcall` (fails on API errors) even when not capturing. */
  checked?: boolean;
  /** File fields whose file is not chosen yet, by field: the shell variable holding its path. */
  fileVars?: Map<string, string> | undefined;
}

/**
 * Files not chosen yet (a placeholder path): one shell variable each, declared at the top, so the
 * reader fills in the path in one place (`FILE_DATA=/path/to/video.mp4`).
 */
function placeholderFiles(
  models: RequestModel[],
  ctx: CodegenContext,
  used: Set<string>,
): { lines: string[]; byStep: Map<number, Map<string, string>> } {
  const lines: string[] = [];
  const byStep = new Map<number, Map<string, string>>();
  if (ctx.filePath) return { lines, byStep };
  for (const m of models) {
    for (const p of m.params) {
      if (p.value.kind !== 'file' || !p.value.placeholder) continue;
      const base =
        p.name
          .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
          .replace(/[^A-Za-z0-9]+/g, '_')
          .toUpperCase() || 'FILE';
      let name = base;
      for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
      used.add(name);
      if (lines.length === 0) lines.push('# The file to upload: put its path here.');
      lines.push(`${name}=${shellQuote(p.value.path ?? '/path/to/file')}`);
      if (!byStep.has(m.stepIndex)) byStep.set(m.stepIndex, new Map());
      byStep.get(m.stepIndex)!.set(p.name, name);
    }
  }
  return { lines, byStep };
}

function quoteWord(s: string, ctx: CodegenContext, vars: Map<string, string>, kss: string[]): string {
  // A word with a sentinel expands a variable: double-quote it.
  let hasVar = false;
  let inner = shellDoubleQuoteInner(s);
  for (const [sentinel, name] of vars) {
    if (inner.includes(sentinel)) {
      hasVar = true;
      inner = inner.split(sentinel).join('${' + name + '}');
    }
  }
  if (hasVar) return `"${inner}"`;
  return shellQuote(secretText(s, ctx, kss));
}

function curlCommand(model: RequestModel, ctx: CodegenContext, opts: CurlOptions): string[] {
  // The KS goes in as a sentinel (printed as $KS) when the call takes one, else not at all.
  const { ks: _typed, ...withoutKs } = model;
  const withKs: RequestModel = needsKs(model, ctx) ? { ...withoutKs, ks: KS_SENTINEL } : withoutKs;
  const http = toHttpRequest(withKs);
  const vars = new Map(opts.vars);
  vars.set(encodeURIComponent(KS_SENTINEL), 'KS');
  vars.set(KS_SENTINEL, 'KS');
  const kss = model.ks ? [model.ks] : [];
  const cmd = opts.assign || opts.checked ? 'kcall' : 'curl';
  const lines: string[] = [`${cmd} -X POST ${quoteWord(http.url, ctx, vars, kss)}`];
  if (http.body.kind === 'form') {
    for (const [k, v] of http.body.fields) {
      const safe = /^[A-Za-z0-9_.~\-[\]]*$/.test(v);
      if (CONTROL.test(v)) {
        // Control characters cannot be written in a shell word readably: send them percent-encoded.
        lines.push(`-d ${shellQuote(`${k}=${encodeURIComponent(secretText(v, ctx, kss))}`)}`);
      } else {
        lines.push(`${safe ? '-d' : '--data-urlencode'} ${quoteWord(`${k}=${v}`, ctx, vars, kss)}`);
      }
    }
  } else if (http.body.kind === 'multipart') {
    for (const [k, v] of http.body.fields) {
      const word = CONTROL.test(v) ? ansiC(`${k}=${secretText(v, ctx, kss)}`) : quoteWord(`${k}=${v}`, ctx, vars, kss);
      lines.push(`--form-string ${word}`);
    }
    for (const f of http.body.files) {
      const v = opts.fileVars?.get(f.field);
      if (v) {
        lines.push(`-F "${shellDoubleQuoteInner(f.field)}=@\${${v}}"`);
        continue;
      }
      const path = ctx.filePath || f.path || `/path/to/${f.name || 'file'}`;
      const p = /[";,]/.test(path) ? `"${path.replace(/["\\]/g, (m) => '\\' + m)}"` : path;
      lines.push(`-F ${shellQuote(`${f.field}=@${p}`)}`);
    }
  }
  const joined = lines.map((l, i) => (i === 0 ? l : '  ' + l)).join(' \\\n');
  return opts.assign ? [`${opts.assign}=$(${joined})`] : [joined];
}

/** Whether the call carries the KS: the description says so; without one, every call but session.* does. */
function needsKs(model: RequestModel, ctx: CodegenContext): boolean {
  if (model.ks !== undefined) return true;
  const op = ctx.api?.operationByName(model.service, model.action);
  return op ? op.requiresKs : model.service.toLowerCase() !== 'session';
}

const KCALL = [
  '# Runs curl; prints the JSON result, or fails when the API answers with an error.',
  'kcall() {',
  '  local out',
  '  out=$(curl -sS --fail "$@") || return 1',
  `  if printf '%s' "$out" | jq -e 'type == "object" and .objectType == "KalturaAPIException"' >/dev/null; then`,
  `    printf '%s\\n' "$out" >&2`,
  '    return 1',
  '  fi',
  `  printf '%s' "$out"`,
  '}',
];

function setupLines(ctx: CodegenContext): string[] {
  const session = sessionStartModel(ctx);
  return [
    `# Start an ADMIN session with the admin secret; the KS goes into every later call.`,
    ...curlCommand(session, ctx, { vars: new Map(), assign: 'KS_JSON' }),
    `KS=$(printf '%s' "$KS_JSON" | jq -r .)`,
  ];
}

function ksLine(model: RequestModel, ctx: CodegenContext): string {
  const ks = model.ks ?? ctx.connection.ks;
  const shown = ks && ctx.secrets === 'shown' ? ks : KS_PLACEHOLDER;
  return `KS=${shellQuote(shown)}`;
}

/**
 * `NAME=$(...)`: an app token's hash of "$KS" followed by the token in shell variable `tokenVar`,
 * with openssl (its output, `SHA2-256(stdin)= 3f...`, cut at the `= `).
 */
function tokenHashLines(arg: string, name: string, plan: TokenHashPlan, tokenVar: string): string[] {
  return [
    ...tokenHashNotes(arg, plan).map((t) => `# ${t}`),
    `${name}=$(printf '%s%s' "$KS" "\${${tokenVar}}" | openssl dgst -${plan.digest} | sed 's/^.*= //')`,
  ];
}

function jqPath(segs: Array<string | number>): string {
  return (
    segs.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_]\w*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('') || '.'
  );
}

export const curl: LanguageGenerator = {
  id: 'curl',
  label: 'curl',
  fileExtension: 'sh',
  shikiLang: 'shellscript',
  grammar: 'bash',
  step(model, ctx) {
    const head = ctx.setup
      ? ['set -euo pipefail', '', ...KCALL, '', ...setupLines(ctx), '']
      : needsKs(model, ctx)
        ? [ksLine(model, ctx)]
        : [];
    // Values the reader fills in: the file to upload (before one is chosen), results of steps that
    // have not run, required arguments without a value.
    const used = new Set<string>(['KS', 'KS_JSON']);
    const files = placeholderFiles([model], ctx, used);
    const fills: string[] = [];
    const vars = new Map<string, string>();
    const fillVar = (base: string, why: string): string => {
      const b = placeholderText(base).slice('YOUR_'.length);
      let name = b;
      for (let i = 2; used.has(name); i++) name = `${b}_${i}`;
      used.add(name);
      const sentinel = `${REF_PREFIX}F${used.size}\uE000`;
      fills.push(`# ${FILL_IN} ${why}`, `${name}=${shellQuote(placeholderText(base))}`);
      vars.set(sentinel, name);
      return sentinel;
    };
    const masked = maskModel(model, ctx);
    const params = masked.params.map((f) => ({
      name: f.name,
      value: mapRefs(f.value, (r) =>
        r.resolved
          ? undefined
          : fillVar(
              f.value === r ? f.name : `STEP${r.fromStep + 1}_${r.path}`,
              `${r.path} of step ${r.fromStep + 1}'s result (run that step first, or paste the value here).`,
            ),
      ),
    }));
    const hashes: string[] = [];
    for (const a of planCall(model, ctx).args) {
      if (a.computed) {
        // The token: of the step that made it (a FILL IN until it ran), or the reader's own.
        const r = a.computed.token;
        const token = fillVar(
          r ? `STEP${r.fromStep + 1}_${r.path}` : 'token',
          r
            ? `${r.path} of step ${r.fromStep + 1}'s result (run that step first, or paste the value here).`
            : 'the application token (the `token` appToken.add answered for this id).',
        );
        const name = placeholderText(a.name).slice('YOUR_'.length);
        used.add(name);
        const sentinel = `${REF_PREFIX}H${used.size}\uE000`;
        vars.set(sentinel, name);
        hashes.push(...tokenHashLines(a.name, name, a.computed, vars.get(token)!));
        params.push({ name: a.name, value: { kind: 'string', value: sentinel } });
      } else if (a.missing)
        params.push({ name: a.name, value: { kind: 'string', value: fillVar(a.name, `${a.name} (required): no value was given.`) } });
    }
    const m = { ...masked, params };
    const top = [...files.lines, ...fills];
    return finish(
      [
        ...top,
        ...(top.length ? [''] : []),
        ...head,
        ...hashes,
        ...curlCommand(m, ctx, { vars, checked: ctx.setup, fileVars: files.byStep.get(model.stepIndex) }),
      ],
      ctx,
      [model],
    );
  },
  program(models, ctx) {
    const used = new Set<string>(['KS', 'KS_JSON']);
    const files = placeholderFiles(models, ctx, used);
    const lines = [
      '#!/usr/bin/env bash',
      '# Needs curl and jq.',
      'set -euo pipefail',
      '',
      ...files.lines,
      ...(files.lines.length ? [''] : []),
      ...KCALL,
      '',
      ...setupLines(ctx),
      '',
    ];
    const results = new Map<number, string>();
    const answers = new Map<number, RequestModel>();
    let n = 0;
    const byExpr = new Map<string, { name: string; sentinel: string }>();
    const fills: string[] = [];
    const missingArgs = new Map<string, string>();
    const missingNames = new Map<string, string>();
    for (const model of models) {
      const vars = new Map<string, string>();
      const pre: string[] = [];
      const onRef = (r: RefValue): string | undefined => {
        let expr: string | undefined;
        if (r.source === 'value') {
          const res = results.get(r.fromStep);
          if (!res) return undefined;
          expr = `printf '%s' "$${res}" | jq -r ${shellQuote(jqPath(pathSegments(r.path)))}`;
        } else {
          const src = answers.get(r.fromStep);
          if (!src) return undefined;
          let segs = pathSegments(r.path);
          if (segs[0] === 'body') segs = segs.slice(1);
          const f = src.params.find((p) => p.name === segs[0]);
          if (!f) {
            const sentinel = missingArgs.get(`${r.fromStep}:${segs[0]}`);
            if (sentinel && segs.length === 1) {
              vars.set(sentinel, missingNames.get(sentinel)!);
              return sentinel;
            }
            return undefined;
          }
          // The answer was itself taken from an earlier step: follow it to that variable.
          if (f.value.kind === 'ref' && segs.length === 1) return onRef(f.value);
          return f.value.kind !== 'ref' ? String(jsonAt(f.value, segs.slice(1)) ?? '') : undefined;
        }
        const known = byExpr.get(expr);
        if (known) {
          vars.set(known.sentinel, known.name);
          return known.sentinel;
        }
        n++;
        const path = r.path
          .replace(/[^A-Za-z0-9]+/g, '_')
          .replace(/^_+|_+$/g, '')
          .toUpperCase();
        const base = `STEP${r.fromStep + 1}_${path || 'VALUE'}`;
        let name = base;
        for (let i = 2; used.has(name); i++) name = `${base}_${i}`;
        used.add(name);
        const sentinel = `${REF_PREFIX}${n}\uE000`;
        pre.push(`${name}=$(${expr})`);
        byExpr.set(expr, { name, sentinel });
        vars.set(sentinel, name);
        return sentinel;
      };
      const masked = maskModel(model, ctx);
      const m = { ...masked, params: masked.params.map((f) => ({ name: f.name, value: mapRefs(f.value, onRef) })) };
      for (const a of planCall(model, ctx, models).args) {
        if (a.computed?.token) {
          const token = onRef(a.computed.token);
          if (token !== undefined) {
            let name = `STEP${model.stepIndex + 1}_${placeholderText(a.name).slice('YOUR_'.length)}`;
            for (let i = 2; used.has(name); i++) name = `${name}_${i}`;
            used.add(name);
            const sentinel = `${REF_PREFIX}H${++n}\uE000`;
            vars.set(sentinel, name);
            pre.push(...tokenHashLines(a.name, name, a.computed, vars.get(token)!));
            m.params.push({ name: a.name, value: { kind: 'string', value: sentinel } });
            continue;
          }
        }
        if (!a.missing) continue;
        const name = `STEP${model.stepIndex + 1}_${placeholderText(a.name).slice('YOUR_'.length)}`;
        const sentinel = `${REF_PREFIX}M${++n}\uE000`;
        fills.push(
          `# ${FILL_IN} ${a.name} of step ${model.stepIndex + 1} (required): no value was given.`,
          `${name}=${shellQuote(placeholderText(a.name))}`,
        );
        vars.set(sentinel, name);
        missingNames.set(sentinel, name);
        m.params.push({ name: a.name, value: { kind: 'string', value: sentinel } });
        // A later step's answer ref to this argument reads the same variable.
        missingArgs.set(`${model.stepIndex}:${a.name}`, sentinel);
      }
      const resultVar = `STEP${model.stepIndex + 1}_RESULT`;
      lines.push(`# Step ${model.stepIndex + 1}: ${model.service}.${model.action}`, ...pre);
      lines.push(...curlCommand(m, ctx, { vars, assign: resultVar, fileVars: files.byStep.get(model.stepIndex) }));
      lines.push(`printf '%s\\n' "$${resultVar}"`, '');
      results.set(model.stepIndex, resultVar);
      answers.set(model.stepIndex, model);
    }
    if (fills.length) lines.splice(4, 0, ...fills, '');
    return finish(lines, ctx, models);
  },
};

function jsonAt(v: Value, segs: Array<string | number>): unknown {
  let cur: Value | undefined = v;
  for (const s of segs) {
    if (!cur) return undefined;
    if (cur.kind === 'object') cur = cur.fields.find((f) => f.name === s)?.value;
    else if (cur.kind === 'array' && typeof s === 'number') cur = cur.items[s];
    else return undefined;
  }
  if (!cur) return undefined;
  if (cur.kind === 'string' || cur.kind === 'int' || cur.kind === 'float' || cur.kind === 'enum') return cur.value;
  if (cur.kind === 'bool') return cur.value ? 1 : 0;
  return undefined;
}
