/**
 * State shared by every step of one recipe page (step results, dynamic values, the connection):
 * it wraps the whole recipe article in the step runner's client context provider.
 * `recipe` is the full JSON-serialisable model (sent to the browser once).
 */
import type { ReactNode } from 'react';
import type { Recipe } from '@/lib/recipe/types';
import { RunnerProvider } from '@/components/runner/RunnerContext';

export interface RunnerRootProps {
  slug: string;
  recipe: Recipe;
  children: ReactNode;
}

export function RunnerRoot({ slug, recipe, children }: RunnerRootProps) {
  return (
    <RunnerProvider slug={slug} recipe={recipe}>
      {children}
    </RunnerProvider>
  );
}

export default RunnerRoot;
