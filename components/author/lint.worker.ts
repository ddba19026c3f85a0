/**
 * Parses and lints the recipe being edited off the main thread, with the same parser, rules and
 * API description as `npm run recipes:lint`. Messages: {id, source} in, {id, recipe, ms} out.
 */
import { parseRecipe } from '@/lib/recipe';
import { getKalturaDescription } from '@/lib/api';
import type { LintRequest, LintResponse } from './lint-client';

const scope = self as unknown as { onmessage: ((e: MessageEvent<LintRequest>) => void) | null; postMessage(m: LintResponse): void };

scope.onmessage = (e) => {
  const { id, source } = e.data;
  const t0 = performance.now();
  const recipe = parseRecipe(source, { api: getKalturaDescription() });
  scope.postMessage({ id, recipe, ms: performance.now() - t0 });
};
