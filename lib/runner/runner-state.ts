/**
 * Runner state shared by every step of one recipe page: what the user entered per step, global
 * values, and each step's last run. Framework-free (subscribe / getState); components/runner
 * wraps it in a React hook. Files (Blobs) are kept beside the state, never in storage.
 *
 * A step counts as done only when its last run succeeded. When a step succeeds again, the
 * dynamic fields of other steps that take a value from it drop what was typed over them and
 * follow the new value.
 */
import { walkFields } from '@/lib/form/build';
import { getPath, setPath } from '@/lib/form/paths';
import type { FormField, FormModel, FormValues, StepOutcome, StepResults } from '@/lib/form/types';
import type { ExecuteResult } from '@/lib/request/execute';
import type { KeyValueStorage } from '@/lib/connection/connection-state';

export type StepStatus = 'idle' | 'running' | 'done' | 'failed';

export interface StepRunState {
  status: StepStatus;
  /** The last call's result (response text, status, time, error). */
  result?: ExecuteResult;
  /** The last successful outcome seen by later steps (kept while a re-run fails? no: cleared). */
  outcome?: StepOutcome;
  runs: number;
  /** Date.now() when the last run ended. */
  finishedAt?: number;
}

export interface RunnerState {
  /** What the user entered, per step (absent: the form's initial values). */
  values: Record<number, FormValues>;
  /** Values of `global` parameters, by name. */
  globals: Record<string, unknown>;
  steps: Record<number, StepRunState>;
}

type Listener = (s: RunnerState) => void;

export interface RunnerStore {
  getState(): RunnerState;
  subscribe(l: Listener): () => void;
  /** Outcomes for dynamic values: only succeeded steps count. */
  results(): StepResults;
  /** Registers a step's form (for global values and follow-the-source). */
  registerForm(form: FormModel): void;
  /** The user's values of a step, or undefined when untouched. */
  getValues(step: number): FormValues | undefined;
  /** Sets the step's whole values (e.g. its initial values). */
  setValues(step: number, values: FormValues): void;
  /** Sets one value; `base` is the step's values when it has none yet (its initial values). */
  setValue(step: number, path: string, value: unknown, field?: FormField, base?: FormValues): void;
  setFile(step: number, field: string, file: Blob | undefined): void;
  files(step: number): Record<string, Blob>;
  startRun(step: number): void;
  finishRun(step: number, result: ExecuteResult, answers: Record<string, unknown>): void;
  /** Forgets every run and value (a fresh walk-through). */
  reset(): void;
  /** Loads the kept state (when created with `deferLoad`, e.g. after React hydration). */
  hydrate(): void;
}

export interface RunnerStoreOptions {
  /** Key for sessionStorage, e.g. the recipe slug; no key: nothing is kept. */
  key?: string;
  storage?: KeyValueStorage | undefined;
  /** Largest response text kept in storage (bigger ones are kept in memory only). */
  maxStoredResponseChars?: number;
  /** Do not read storage at creation; call hydrate() later (server and first client render agree). */
  deferLoad?: boolean;
}

export const RUNNER_KEY_PREFIX = 'recipe-console:runner:';

/** `url` with the values of `keys` in its query emptied. */
function withoutSecretQuery(url: string, keys: string[] | undefined): string {
  if (!keys?.length || !url.includes('?')) return url;
  try {
    const u = new URL(url);
    for (const k of keys) if (u.searchParams.has(k)) u.searchParams.set(k, '');
    return u.toString();
  } catch {
    return url.slice(0, url.indexOf('?'));
  }
}

export function createRunnerStore(opts: RunnerStoreOptions = {}): RunnerStore {
  const key = opts.key ? RUNNER_KEY_PREFIX + opts.key : undefined;
  const maxChars = opts.maxStoredResponseChars ?? 512 * 1024;
  let state: RunnerState = (opts.deferLoad ? undefined : load()) ?? { values: {}, globals: {}, steps: {} };
  const listeners = new Set<Listener>();
  const forms = new Map<number, FormModel>();
  const files = new Map<number, Record<string, Blob>>();

  function load(): RunnerState | undefined {
    if (!key || !opts.storage) return undefined;
    try {
      const t = opts.storage.getItem(key);
      if (!t) return undefined;
      const s = JSON.parse(t) as RunnerState;
      if (!s || typeof s !== 'object' || !s.values || !s.steps) return undefined;
      // A run that was going on when the page went away did not finish.
      for (const [i, st] of Object.entries(s.steps))
        if (st.status === 'running') s.steps[Number(i)] = { ...st, status: st.outcome?.ok ? 'done' : 'idle' };
      return { values: s.values, globals: s.globals ?? {}, steps: s.steps };
    } catch {
      return undefined;
    }
  }

  function persist() {
    if (!key || !opts.storage) return;
    try {
      // Secrets (an admin secret typed into a form) never go to storage.
      const secretPaths = (i: number): string[] => {
        const out: string[] = [];
        const form = forms.get(i);
        if (form) walkFields(form.fields, (f) => f.secret && out.push(f.path));
        return out;
      };
      const strip = (i: number, v: Record<string, unknown>): Record<string, unknown> => {
        let o = v;
        for (const p of secretPaths(i)) if (getPath(o, p) !== undefined) o = setPath(o, p, undefined);
        return o;
      };
      const steps: Record<number, StepRunState> = {};
      for (const [i, st] of Object.entries(state.steps)) {
        const keep = { ...st };
        // the request as sent: no body, and no secret query value (the KS) in its URL
        if (keep.result)
          keep.result = {
            ...keep.result,
            request: {
              ...keep.result.request,
              url: withoutSecretQuery(keep.result.request.url, keep.result.request.secretQueryKeys),
              body: { kind: 'none' },
            },
          };
        const answers = keep.outcome?.answers;
        if (keep.outcome && answers) keep.outcome = { ...keep.outcome, answers: strip(Number(i), answers) };
        if (keep.result && keep.result.raw.length > maxChars) keep.result = { ...keep.result, raw: '', json: undefined };
        if (keep.outcome && JSON.stringify(keep.outcome.response ?? null).length > maxChars) continue;
        steps[Number(i)] = keep;
      }
      // File values describe a Blob that does not survive a reload: not kept.
      const plain: Record<number, FormValues> = {};
      // (a kept state read back may hold null for a step's values)
      for (const [i, v] of Object.entries(state.values)) plain[Number(i)] = v ? strip(Number(i), v) : {};
      const values = JSON.parse(JSON.stringify(plain, (_k, v) => (v && typeof v === 'object' && v.kind === 'file' ? undefined : v)));
      // global values of secret fields (an admin secret shared by several steps) are not kept either
      const secretGlobals = new Set<string>();
      for (const form of forms.values()) walkFields(form.fields, (f) => f.secret && f.global && secretGlobals.add(f.name));
      const globals = Object.fromEntries(Object.entries(state.globals).filter(([k]) => !secretGlobals.has(k)));
      opts.storage.setItem(key, JSON.stringify({ values, globals, steps }));
    } catch {
      /* storage full or disabled: state lives in memory only */
    }
  }

  function set(next: RunnerState) {
    state = next;
    persist();
    for (const l of listeners) l(state);
  }

  function stepState(i: number): StepRunState {
    return state.steps[i] ?? { status: 'idle', runs: 0 };
  }

  return {
    getState: () => state,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    results() {
      const r: StepResults = {};
      for (const [i, st] of Object.entries(state.steps)) if (st.outcome?.ok) r[Number(i)] = st.outcome;
      return r;
    },
    registerForm(form) {
      forms.set(form.stepIndex, form);
    },
    getValues: (i) => state.values[i],
    setValues(i, values) {
      set({ ...state, values: { ...state.values, [i]: values } });
    },
    setValue(i, path, value, field, base) {
      const values = { ...state.values, [i]: setPath(state.values[i] ?? base ?? {}, path, value) };
      let globals = state.globals;
      if (field?.global) {
        globals = { ...globals, [field.name]: value };
        // Every other step with a global parameter of that name takes the value.
        for (const [j, form] of forms) {
          if (j === i) continue;
          walkFields(form.fields, (f) => {
            if (f.global && f.name === field.name && values[j] !== undefined) values[j] = setPath(values[j], f.path, value);
          });
        }
      }
      set({ ...state, values, globals });
    },
    setFile(i, field, file) {
      const cur = { ...(files.get(i) ?? {}) };
      if (file) cur[field] = file;
      else delete cur[field];
      files.set(i, cur);
    },
    files: (i) => files.get(i) ?? {},
    startRun(i) {
      set({ ...state, steps: { ...state.steps, [i]: { ...stepState(i), status: 'running' } } });
    },
    finishRun(i, result, answers) {
      const prev = stepState(i);
      const ok = result.ok;
      const run: StepRunState = {
        status: ok ? 'done' : 'failed',
        result,
        runs: prev.runs + 1,
        finishedAt: Date.now(),
      };
      if (ok) run.outcome = { ok: true, response: result.json, answers };
      let values = state.values;
      if (ok) {
        // Dependent fields follow the new result: drop what was typed over them.
        for (const [j, form] of forms) {
          const typed = values[j];
          if (j === i || typed === undefined) continue;
          let next = typed;
          walkFields(form.fields, (f) => {
            if (f.dynamicValue?.fromStep === i && getPath(next, f.path) !== undefined) next = setPath(next, f.path, undefined);
          });
          if (next !== typed) values = { ...values, [j]: next };
        }
      }
      set({ ...state, values, steps: { ...state.steps, [i]: run } });
    },
    reset() {
      files.clear();
      set({ values: {}, globals: {}, steps: {} });
    },
    hydrate() {
      const kept = load();
      if (kept) set(kept);
    },
  };
}
