'use client';
/**
 * The step runner's page-level state: the API description, the connection, the runner store and
 * the step executor, shared by every step of one recipe page. Rendered by RunnerRoot around the whole recipe.
 */
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { descriptionFromSlice, type ApiSlice } from '@/lib/description/slice';
import type { ApiDescription } from '@/lib/description/types';
import { createConnectionStore, type ConnectionState, type ConnectionStore } from '@/lib/connection/connection-state';
import type { StepExecutor } from '@/lib/runner/execute-step';
import { createRunnerStore, type RunnerState, type RunnerStore } from '@/lib/runner/runner-state';
import type { Recipe } from '@/lib/recipe/types';
import { uploadExecutor } from '@/lib/upload/executor';
import type { InitialCode } from '@/lib/samples/initial';
import './runner.css';

export interface RunnerContextValue {
  slug: string;
  recipe: Recipe;
  api: ApiDescription;
  /** Loading another OpenAPI document (connection panel or the recipe's `openapi`) and how it went. */
  apiSource: { url?: string; status: 'builtin' | 'loading' | 'loaded' | 'error'; error?: string };
  runner: RunnerStore;
  connection: ConnectionStore;
  /** How the steps' requests are performed (one request; the chunked uploader for file uploads). */
  executor: StepExecutor;
  /** Code samples the server made and highlighted for the initial values (recipe pages). */
  initialCode?: InitialCode | undefined;
}

const Ctx = createContext<RunnerContextValue | null>(null);

const EMPTY_SLICE: ApiSlice = { v: 1, operations: [], classes: [], enums: [], subclasses: {} };

function browserStorage(kind: 'session' | 'local') {
  if (typeof window === 'undefined') return undefined;
  try {
    return kind === 'session' ? window.sessionStorage : window.localStorage;
  } catch {
    return undefined;
  }
}

/** One connection store per browser tab, shared by every page. */
let sharedConnection: ConnectionStore | undefined;
function getConnectionStore(): ConnectionStore {
  if (typeof window === 'undefined') return createConnectionStore({ origin: 'http://localhost' });
  sharedConnection ??= createConnectionStore({
    origin: window.location.origin,
    session: browserStorage('session'),
    local: browserStorage('local'),
  });
  return sharedConnection;
}

export interface RunnerProviderProps {
  slug: string;
  recipe: Recipe;
  /** The slice of the server's API description the recipe's steps reach (a recipe page). */
  slice?: ApiSlice | undefined;
  /** A whole description instead (the /author preview, which may call any operation). */
  api?: ApiDescription | undefined;
  initialCode?: InitialCode | undefined;
  /** How steps are performed (default: the chunked uploader for file uploads, one request otherwise). */
  executor?: StepExecutor;
  children: ReactNode;
}

export function RunnerProvider({ slug, recipe, slice, api: given, initialCode, executor: givenExecutor, children }: RunnerProviderProps) {
  const connection = useMemo(getConnectionStore, []);
  const executor = useMemo(() => givenExecutor ?? uploadExecutor(), [givenExecutor]);
  const runner = useMemo(
    () => createRunnerStore(typeof window === 'undefined' ? {} : { key: slug, storage: browserStorage('session'), deferLoad: true }),
    [slug],
  );
  const conn = useSyncExternalStore(connection.subscribe, connection.getState, connection.getState);
  const openapiUrl = conn.openapiUrl || recipe.metadata.openapi;
  const [loaded, setLoaded] = useState<{ url: string; api?: ApiDescription; error?: string } | undefined>();

  useEffect(() => {
    runner.hydrate();
  }, [runner]);

  useEffect(() => {
    if (connection.getState().status === 'idle') void connection.init();
  }, [connection]);

  useEffect(() => {
    if (!openapiUrl) return;
    let cancelled = false;
    setLoaded({ url: openapiUrl });
    // The reader of other descriptions loads only when one is asked for.
    import('@/lib/description/load')
      .then(({ loadDescriptionFromUrl }) => loadDescriptionFromUrl(new URL(openapiUrl, window.location.href).toString()))
      .then(
        (api) => !cancelled && setLoaded({ url: openapiUrl, api }),
        (e: unknown) => !cancelled && setLoaded({ url: openapiUrl, error: (e as Error).message }),
      );
    return () => {
      cancelled = true;
    };
  }, [openapiUrl]);

  // The table of contents marks done, running and failed steps.
  useEffect(() => {
    const paint = (s: RunnerState) => {
      document.querySelectorAll<HTMLElement>('.toc-step[data-step-index]').forEach((li) => {
        const st = s.steps[Number(li.dataset.stepIndex)]?.status;
        const state = st === 'done' ? 'done' : st === 'running' ? 'running' : st === 'failed' ? 'failed' : 'pending';
        if (li.dataset.stepState !== state) li.dataset.stepState = state;
        const marker = li.querySelector('.toc-done-label');
        if (state === 'done' && !marker) {
          const span = document.createElement('span');
          span.className = 'visually-hidden toc-done-label';
          span.textContent = ' (done)';
          li.querySelector('a')?.appendChild(span);
        } else if (state !== 'done' && marker) marker.remove();
      });
    };
    paint(runner.getState());
    return runner.subscribe(paint);
  }, [runner]);

  const value = useMemo<RunnerContextValue>(() => {
    const builtin = given ?? descriptionFromSlice(slice ?? EMPTY_SLICE);
    let api = builtin;
    let apiSource: RunnerContextValue['apiSource'] = { status: 'builtin' };
    if (openapiUrl) {
      if (loaded?.url === openapiUrl && loaded.api) {
        api = loaded.api;
        apiSource = { url: openapiUrl, status: 'loaded' };
      } else if (loaded?.url === openapiUrl && loaded.error) apiSource = { url: openapiUrl, status: 'error', error: loaded.error };
      else apiSource = { url: openapiUrl, status: 'loading' };
    }
    return { slug, recipe, api, apiSource, runner, connection, executor, initialCode };
  }, [slug, recipe, slice, given, loaded, openapiUrl, runner, connection, executor, initialCode]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useRunnerContext(): RunnerContextValue | null {
  return useContext(Ctx);
}

export function useConnectionState(store: ConnectionStore): ConnectionState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}

export function useRunnerState(store: RunnerStore): RunnerState {
  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
