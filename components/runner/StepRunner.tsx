'use client';
/**
 * One step of the runner: its form (from lib/form), the Run button (also Ctrl/Cmd+Enter), the
 * response, the demo, and the code samples. The request is built by the one builder
 * (lib/request/build.ts) and performed through executeStep (lib/runner) with the runner context's
 * executor, which the chunked uploader takes over for file steps.
 *
 * Layout: two panes (app/globals.css switches them side by side at >= 1200 px): `main` (the
 * step's heading and prose, from the server) with the form on the left; code samples and the
 * response on the right, sticky while the left pane scrolls. One column below that width.
 */
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Step } from '@/lib/recipe/types';
import { buildForm, walkFields } from '@/lib/form/build';
import { getPath } from '@/lib/form/paths';
import { isBlockedError, runFirstMessage } from '@/lib/form/dynamic';
import { initialValues, resolveValues, toAnswers } from '@/lib/form/values';
import type { FieldError, FileValue, FormField, FormValues } from '@/lib/form/types';
import { buildRequestModel } from '@/lib/request/build';
import { isSessionError } from '@/lib/request/execute';
import { loadFieldChoices } from '@/lib/runner/dynamic-enum';
import { executeStep } from '@/lib/runner/execute-step';
import { connectionSecrets, publicAnswers } from '@/lib/runner/secrets';
import type { UploadChoice } from '@/lib/upload/types';
import type { Upload } from '@/lib/upload/uploader';
import { useConnectionState, useRunnerContext, useRunnerState } from './RunnerContext';
import { FormFields, fieldId, type FieldContext } from './FormFields';
import { ResponseView } from '@/components/response/ResponseView';
import { LoginPrompt } from '@/components/connection/LoginPrompt';
import { EntryStatus } from './EntryStatus';
import { ExpectResults } from './ExpectResults';
import { DemoFrame } from './DemoFrame';
import { StepCode } from './StepCode';

/** The chunked uploader's part of a file step (progress, settings); loaded only on such steps. */
const StepUpload = lazy(() => import('@/components/upload/StepUpload'));

export function StepRunner({ step, main }: { step: Step; main?: ReactNode }) {
  const ctx = useRunnerContext();
  if (!ctx) return <>{main}</>;
  return <StepRunnerInner step={step} ctx={ctx} main={main} />;
}

function StepRunnerInner({ step, ctx, main }: { step: Step; ctx: NonNullable<ReturnType<typeof useRunnerContext>>; main?: ReactNode }) {
  const { api, runner, connection } = ctx;
  const conn = useConnectionState(connection);
  const rs = useRunnerState(runner);
  const i = step.index;
  const form = useMemo(() => buildForm(step, api), [step, api]);
  useEffect(() => runner.registerForm(form), [runner, form]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `conn` is the store's change signal: connection() reads the store, which React cannot see
  const connectionValue = useMemo(() => connection.connection(), [connection, conn]);
  const initial = useMemo(() => initialValues(form, connectionValue), [form, connectionValue]);
  const user: FormValues = rs.values[i] ?? initial;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `rs.steps` is the change signal of runner.results()
  const results = useMemo(() => runner.results(), [runner, rs.steps]);
  const resolved = useMemo(() => resolveValues(form, user, results, rs.globals), [form, user, results, rs.globals]);
  const built = useMemo(
    () => buildRequestModel({ step, form, values: user, results, connection: connectionValue, api, globals: rs.globals }),
    [step, form, user, results, connectionValue, api, rs.globals],
  );
  const run = rs.steps[i];
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [showErrors, setShowErrors] = useState(false);
  const [dynamicOptions, setDynamicOptions] = useState<FieldContext['dynamicOptions']>({});
  const rootRef = useRef<HTMLDivElement>(null);
  // The entry as EntryStatus follows its processing (expect is checked against it).
  const [followed, setFollowed] = useState<unknown>();
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new result of this step resets the entry followed for the previous one
  useEffect(() => setFollowed(undefined), [run?.result]);
  const abortRef = useRef<AbortController | null>(null);
  // A file step's upload settings and its running upload (shown by StepUpload, given to each run).
  const [uploadChoice, setUploadChoice] = useState<UploadChoice>({ mode: 'auto' });
  const [upload, setUpload] = useState<Upload>();

  // Re-check as the user types, once a run was attempted (errors then update live).
  useEffect(() => {
    if (!showErrors) return;
    let cancelled = false;
    void import('@/lib/form/validate').then(({ validateValues }) => {
      if (!cancelled) setErrors(validateValues(form, resolved.values));
    });
    return () => {
      cancelled = true;
    };
  }, [showErrors, form, resolved.values]);

  const onChange = useCallback(
    (path: string, value: unknown, field: FormField) => runner.setValue(i, path, value, field, initial),
    [runner, i, initial],
  );
  const onFile = useCallback(
    (field: FormField, file: File | undefined) => {
      const key = field.param ?? field.name;
      runner.setFile(i, key, file);
      const v: FileValue | undefined = file
        ? { kind: 'file', name: file.name, size: file.size, ...(file.type ? { mimeType: file.type } : {}) }
        : undefined;
      runner.setValue(i, field.path, v, field, initial);
    },
    [runner, i, initial],
  );

  const loadOptions = useCallback(
    async (field: FormField) => {
      if (!field.dynamicEnum) return;
      setDynamicOptions((d) => ({ ...d, [field.path]: { options: d[field.path]?.options ?? [], loading: true } }));
      const choices = await loadFieldChoices(field, api, connection.connection(), i, runner.results());
      setDynamicOptions((d) => ({ ...d, [field.path]: choices }));
    },
    [api, connection, i, runner],
  );

  const dynFields = useMemo(() => {
    const out: FormField[] = [];
    walkFields(form.fields, (f) => f.dynamicEnum && out.push(f));
    return out;
  }, [form]);
  // Choices come from the API: load them when connected, and again after any step ran (it may
  // have created or deleted what the dropdown lists).
  const finishedRuns = Object.values(rs.steps).reduce((n, st) => n + (st.status === 'running' ? 0 : st.runs), 0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new KS or another finished run reloads the choices (they may have changed)
  useEffect(() => {
    if (conn.status !== 'connected') return;
    for (const f of dynFields) void loadOptions(f);
  }, [dynFields, conn.status, conn.ks, loadOptions, finishedRuns]);

  const errorMap = useMemo(() => {
    const m = new Map<string, string>();
    if (showErrors)
      for (const e of [...errors, ...built.errors.filter((e) => !built.blockedBy.length || !isBlockedError(e))])
        if (!m.has(e.path)) m.set(e.path, e.message);
    return m;
  }, [errors, built, showErrors]);

  const running = run?.status === 'running';
  const blocked = built.blockedBy.length > 0;
  const notConnected = form.requiresKs && !conn.ks;

  const onRun = useCallback(async () => {
    if (!built.model || running || notConnected) return;
    setShowErrors(true);
    const { validateValues } = await import('@/lib/form/validate');
    const errs = [...validateValues(form, resolved.values), ...built.errors.filter((e) => !isBlockedError(e))];
    setErrors(errs);
    if (built.blockedBy.length > 0) return;
    const [firstError] = errs;
    if (firstError) {
      const first = rootRef.current?.querySelector<HTMLElement>(`#${CSS.escape(fieldId(i, firstError.path))}`);
      first?.focus();
      return;
    }
    abortRef.current = new AbortController();
    runner.startRun(i);
    const upload = { choice: uploadChoice, onUpload: setUpload };
    const result = await executeStep({ model: built.model, files: runner.files(i), signal: abortRef.current.signal, upload }, ctx.executor);
    if (isSessionError(result.error)) connection.reportInvalidKs();
    runner.finishRun(i, result, toAnswers(resolved.values));
  }, [built, running, notConnected, form, resolved.values, runner, i, connection, uploadChoice, ctx.executor]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void onRun();
    }
  };

  const answers = useMemo(() => toAnswers(resolved.values), [resolved.values]);
  // a Demo is the recipe author's code: it gets no credential, connection value or KS
  const demoAnswers = useMemo(
    () => publicAnswers(form, resolved.values, connectionSecrets(connectionValue)),
    [form, resolved.values, connectionValue],
  );
  const fieldCtx: FieldContext = {
    stepIndex: i,
    effective: resolved.values,
    user,
    errors: errorMap,
    dynamic: resolved.dynamic,
    onChange,
    onFile,
    dynamicOptions,
    reloadOptions: (f) => void loadOptions(f),
  };
  const hiddenCount = useMemo(() => {
    let n = 0;
    walkFields(form.fields, (f) => f.hidden && n++);
    return n;
  }, [form]);
  const hasCall = !!built.model;
  const fileField = form.fields.find((f) => f.kind === 'file' && !f.custom);
  const fileValue = fileField ? (getPath(resolved.values, fileField.path) as FileValue | undefined) : undefined;
  const v = resolved.values;
  const visibleFields = form.fields.filter((f) => !f.hidden);
  const status = run?.status ?? 'idle';
  const blockMsg = blocked ? runFirstMessage(built.blockedBy) : undefined;

  const tokenId = typeof v.uploadTokenId === 'string' ? v.uploadTokenId : undefined;
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Ctrl+Enter in any field of the step runs it (the keys come from its inputs)
    <div
      className="step-runner step-grid"
      ref={rootRef}
      onKeyDown={onKeyDown}
      data-step-status={status}
      data-testid={`step-${i + 1}-runner`}
    >
      <div className="step-main">
        {main}
        {ctx.apiSource.status === 'error' && i === ctx.recipe.steps.findIndex((st) => st.apiCall?.path) && (
          <p className="form-notes" role="note">
            {ctx.apiSource.error} The forms use the built-in Kaltura description meanwhile.
          </p>
        )}
        {form.notes.length > 0 && (
          <ul className="form-notes">
            {form.notes.map((n, k) => (
              <li key={k}>{n}</li>
            ))}
          </ul>
        )}
        <form
          className="step-form"
          aria-label={`Parameters of step ${i + 1}`}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void onRun();
          }}
        >
          {visibleFields.length > 0 ? (
            <div className="form-fields">
              <FormFields fields={visibleFields} ctx={fieldCtx} />
            </div>
          ) : hasCall ? (
            <p className="form-empty">This call takes no parameters{hiddenCount ? ` you need to fill (${hiddenCount} preset)` : ''}.</p>
          ) : null}
          {hiddenCount > 0 && visibleFields.length > 0 && (
            <p className="form-hidden-note">
              {hiddenCount} preset value{hiddenCount > 1 ? 's are' : ' is'} sent as well.
            </p>
          )}
          {hasCall && (
            <div className="run-bar">
              <button
                type="submit"
                className="run-button"
                disabled={blocked || running || notConnected}
                aria-describedby={`s${i + 1}-run-hint`}
                data-testid={`run-step-${i + 1}`}
              >
                {running ? 'Running…' : blocked ? blockMsg : `Run step ${i + 1}`}
              </button>
              {running && (
                <button type="button" className="button-small" onClick={() => abortRef.current?.abort()}>
                  Cancel
                </button>
              )}
              <span id={`s${i + 1}-run-hint`} className="run-hint">
                {blocked ? (
                  blockMsg
                ) : notConnected ? (
                  conn.status === 'connecting' ? (
                    'Connecting…'
                  ) : (
                    'Connect first (see the connection panel)'
                  )
                ) : (
                  <kbd>Ctrl/⌘ + Enter</kbd>
                )}
              </span>
              {rs.values[i] !== undefined && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => {
                    runner.setValues(i, initial);
                    setShowErrors(false);
                    setErrors([]);
                  }}
                >
                  Reset values
                </button>
              )}
              <span className={`step-status step-status-${status}`} role="status" data-testid={`step-${i + 1}-status`}>
                {status === 'done' ? '✓ Done' : status === 'failed' ? 'Failed' : status === 'running' ? 'Running' : ''}
              </span>
            </div>
          )}
        </form>
        {/* The uploader's code loads once there is something to upload to (a token) or a file. */}
        {fileField && built.model && (tokenId || fileValue || run) && (
          <Suspense fallback={null}>
            <StepUpload
              choice={uploadChoice}
              onChoice={setUploadChoice}
              upload={upload}
              tokenId={tokenId}
              fileSize={fileValue?.size}
              model={built.model}
              onRetry={() => void onRun()}
            />
          </Suspense>
        )}
        {showErrors && errorMap.size > 0 && (
          <p className="form-summary" role="alert">
            {errorMap.size === 1 ? 'One value needs attention' : `${errorMap.size} values need attention`}: nothing was sent.
          </p>
        )}
      </div>
      <div className="step-side">
        <StepCode step={step} request={built.model} answers={answers} connection={connectionValue} api={api} />
        {run?.result && (
          <ResponseView
            result={run.result}
            stepIndex={i}
            sessionAction={isSessionError(run.result.error) ? <LoginPrompt connection={connection} /> : undefined}
          />
        )}
        {run?.status === 'done' && step.apiCall?.expect && run.result && (
          <ExpectResults
            expect={step.apiCall.expect}
            response={followed ?? run.result.json}
            stepIndex={i}
            followed={followed !== undefined}
          />
        )}
        {run?.status === 'done' && run.result?.json !== undefined && (
          <EntryStatus response={run.result.json} stepIndex={i} onUpdate={setFollowed} />
        )}
        {step.demo && run?.status === 'done' && <DemoFrame html={step.demo.html} answers={demoAnswers} stepIndex={i} />}
      </div>
    </div>
  );
}
