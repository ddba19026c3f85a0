/**
 * Parses and lints the recipe being edited off the main thread, with the same parser, rules and
 * API description as `npm run recipes:lint`. Messages: {id, source} in, {id, recipe, ms} out.
 */
import './worker-dom-shim';
import { createEditorLint } from '@/lib/author/lint';
import type { LintRequest, LintResponse } from './lint-client';

const linter = createEditorLint();

const scope = self as unknown as { onmessage: ((e: MessageEvent<LintRequest>) => void) | null; postMessage(m: LintResponse): void };

scope.onmessage = (e) => {
  if (e.data.id === 0) {
    scope.postMessage({ id: 0, ready: true } as unknown as LintResponse);
    return;
  }
  if (e.data.parts) {
    linter.setDescription(e.data.parts);
    return;
  }
  const { id, source } = e.data;
  const t0 = performance.now();
  const recipe = linter.lint(source);
  scope.postMessage({ id, recipe, ms: performance.now() - t0 });
};
