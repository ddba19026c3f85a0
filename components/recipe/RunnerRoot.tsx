/**
 * State shared by every step of one recipe page (step results, dynamic values, the connection):
 * it wraps the whole recipe article in the step runner's client context provider.
 *
 * What crosses to the browser is what the runner needs: the recipe without its prose (the server
 * renders prose as HTML already) and the slice of the API description its steps reach.
 */
import type { ReactNode } from 'react';
import type { ApiSlice } from '@/lib/description/slice';
import type { ApiDescription } from '@/lib/description/types';
import type { Recipe } from '@/lib/recipe/types';
import { runnerRecipe } from '@/lib/recipe/runner-model';
import { RunnerProvider } from '@/components/runner/RunnerContext';
import type { InitialCode } from '@/lib/samples/initial';

export interface RunnerRootProps {
  slug: string;
  recipe: Recipe;
  /** The slice of the API description the steps reach (server-rendered pages). */
  slice?: ApiSlice | undefined;
  /** Or a whole description (the /author preview, rendered in the browser). */
  api?: ApiDescription | undefined;
  /** Code samples made on the server for the initial values (lib/samples/initial.ts). */
  initialCode?: InitialCode | undefined;
  children: ReactNode;
}

export function RunnerRoot({ slug, recipe, slice, api, initialCode, children }: RunnerRootProps) {
  return (
    <RunnerProvider slug={slug} recipe={runnerRecipe(recipe)} slice={slice} api={api} initialCode={initialCode}>
      {children}
    </RunnerProvider>
  );
}

export default RunnerRoot;
