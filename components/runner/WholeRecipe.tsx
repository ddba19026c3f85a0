'use client';
/**
 * "Whole recipe": one program per language performing every step in order, from the request
 * models of all steps as they are filled now (components/code/WholeRecipeCode prints it).
 * Rendered in its own section after the last step (components/recipe/RecipePage).
 */
import { useMemo } from 'react';
import { buildForm } from '@/lib/form/build';
import { initialValues } from '@/lib/form/values';
import { buildRequestModel } from '@/lib/request/build';
import type { RequestModel } from '@/lib/request/types';
import { WholeRecipeCode } from '@/components/code/WholeRecipeCode';
import { useConnectionState, useRunnerContext, useRunnerState } from './RunnerContext';

export function WholeRecipe() {
  const ctx = useRunnerContext();
  if (!ctx) return null;
  return <WholeRecipeInner ctx={ctx} />;
}

function WholeRecipeInner({ ctx }: { ctx: NonNullable<ReturnType<typeof useRunnerContext>> }) {
  const { recipe, api, runner, connection } = ctx;
  const rs = useRunnerState(runner);
  const conn = useConnectionState(connection);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `conn` is the store's change signal: connection() reads the store, which React cannot see
  const connectionValue = useMemo(() => connection.connection(), [connection, conn]);
  const requests = useMemo(() => {
    const results = runner.results();
    return recipe.steps.map((step): RequestModel | null => {
      if (!step.apiCall?.path) return null;
      const form = buildForm(step, api);
      const values = rs.values[step.index] ?? initialValues(form, connectionValue);
      return buildRequestModel({ step, form, values, results, connection: connectionValue, api, globals: rs.globals }).model;
    });
  }, [recipe, api, rs, connectionValue, runner]);
  if (!requests.some(Boolean)) return null;
  const pending = isPending(conn.status, rs);
  return (
    <WholeRecipeCode
      recipe={recipe}
      requests={requests}
      connection={connectionValue}
      api={api}
      initial={ctx.initialCode?.program}
      serverLanguage={ctx.initialCode?.lang}
      pending={pending}
      apiTag={ctx.apiSource.status === 'loaded' ? (ctx.apiSource.url ?? 'other') : 'builtin'}
    />
  );
}

/**
 * The page is as the server rendered it, but for the session that is still starting: no value
 * entered and no step run. The server's samples (made for that session) still apply.
 */
export function isPending(status: string, rs: { values: Record<number, unknown>; steps: Record<number, unknown> }): boolean {
  return (status === 'idle' || status === 'connecting') && Object.keys(rs.values).length === 0 && Object.keys(rs.steps).length === 0;
}
