/**
 * Runs the recipe linter for the editor: in a module worker (so typing stays smooth on a large
 * recipe), falling back to the main thread when workers are unavailable. Only the newest request
 * is answered; older ones are dropped.
 */
import type { DescriptionParts } from '@/lib/description';
import type { EditorLint } from '@/lib/author/lint';
import type { Recipe } from '@/lib/recipe/types';

export interface LintRequest {
  id: number;
  source: string;
  /** Sets the API description to lint against (no answer). */
  parts?: DescriptionParts;
}

export interface LintResponse {
  id: number;
  recipe: Recipe;
  ms: number;
}

export interface LintResult {
  recipe: Recipe;
  ms: number;
  where: 'worker' | 'main';
}

const WORKER_START_TIMEOUT_MS = 8000;

export class RecipeLinter {
  private worker: Worker | undefined;
  private seq = 0;
  private pending = new Map<number, { source: string; resolve: (r: LintResult | undefined) => void }>();
  private broken = false;
  private readyTimer?: ReturnType<typeof setTimeout>;

  constructor() {
    try {
      this.worker = new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module', name: 'recipe-lint' });
      this.worker.onmessage = (e: MessageEvent<LintResponse>) => this.answer(e.data);
      // A worker whose script fails to load or run may not report an error: if it does not answer
      // a ping in time, lint on the main thread instead.
      this.worker.postMessage({ id: 0, source: '' } satisfies LintRequest);
      this.readyTimer = setTimeout(() => this.failOver(), WORKER_START_TIMEOUT_MS);
      this.worker.onerror = (e) => {
        e.preventDefault();
        this.failOver();
      };
    } catch {
      this.broken = true;
    }
  }

  private parts: DescriptionParts | undefined;
  /** The main thread's own linter, when the worker is unavailable. */
  private onMainLint?: EditorLint;

  /** Lints against this description from now on (the server's configured one). */
  setDescription(parts: DescriptionParts): void {
    this.parts = parts;
    this.worker?.postMessage({ id: -1, source: '', parts } satisfies LintRequest);
  }

  /** Lints `source`; resolves undefined when a newer request superseded this one. */
  lint(source: string): Promise<LintResult | undefined> {
    const id = ++this.seq;
    for (const [pid, p] of this.pending) {
      p.resolve(undefined);
      this.pending.delete(pid);
    }
    const worker = this.worker;
    if (this.broken || !worker) return this.onMain(source, id);
    return new Promise((resolve) => {
      this.pending.set(id, { source, resolve });
      worker.postMessage({ id, source } satisfies LintRequest);
    });
  }

  dispose(): void {
    clearTimeout(this.readyTimer);
    this.worker?.terminate();
    this.worker = undefined;
    for (const p of this.pending.values()) p.resolve(undefined);
    this.pending.clear();
  }

  private answer(r: LintResponse): void {
    if (r.id === 0) {
      clearTimeout(this.readyTimer);
      return;
    }
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    p.resolve(r.id === this.seq ? { recipe: r.recipe, ms: r.ms, where: 'worker' } : undefined);
  }

  private failOver(): void {
    clearTimeout(this.readyTimer);
    this.broken = true;
    this.worker?.terminate();
    this.worker = undefined;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      void this.onMain(p.source, id).then(p.resolve);
    }
  }

  private async onMain(source: string, id: number): Promise<LintResult | undefined> {
    if (!this.onMainLint) {
      const { createEditorLint } = await import('@/lib/author/lint');
      this.onMainLint ??= createEditorLint();
    }
    if (this.parts) {
      this.onMainLint.setDescription(this.parts);
      this.parts = undefined;
    }
    if (id !== this.seq) return undefined;
    const t0 = performance.now();
    const recipe = this.onMainLint.lint(source);
    return { recipe, ms: performance.now() - t0, where: 'main' };
  }
}
