/**
 * EXTENSION POINT for state shared by every step of one recipe page (step results, dynamic values,
 * the connection): it wraps the whole recipe article, so the runner can turn it into a client
 * context provider ('use client') without touching the page. Today it renders its children.
 * `recipe` is the full JSON-serialisable model (sent to the browser once, if this becomes a client
 * component).
 */
import type { ReactNode } from 'react';
import type { Recipe } from '@/lib/recipe/types';

export interface RunnerRootProps {
  slug: string;
  recipe: Recipe;
  children: ReactNode;
}

export function RunnerRoot({ children }: RunnerRootProps) {
  return <>{children}</>;
}

export default RunnerRoot;
