/**
 * Browser-side highlighting of code samples that changed after load (the server highlights the
 * initial ones): in a module worker (components/code/highlight.worker.ts), created on the first
 * request, so neither shiki nor a grammar ever runs on the main thread or loads before a value
 * changes. Without workers, code stays plain text (still exact and copyable).
 */
import type { CompactTokens } from '@/lib/samples/tokens';
import type { HighlightRequest, HighlightResponse } from './highlight.worker';

let worker: Worker | null | undefined;
let seq = 0;
const pending = new Map<number, (t: CompactTokens | null) => void>();

function getWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module', name: 'code-highlight' });
    worker.onmessage = (e: MessageEvent<HighlightResponse>) => {
      const done = pending.get(e.data.id);
      pending.delete(e.data.id);
      done?.(e.data.tokens);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      // A worker that cannot load answers nothing: release the waiting blocks, stay plain.
      for (const done of pending.values()) done(null);
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  } catch {
    worker = null;
  }
  return worker;
}

/** Tokens of `code` in `lang` (null: no grammar, or no worker). Never throws. */
export function highlightCode(code: string, lang: string | undefined): Promise<CompactTokens | null> {
  const w = getWorker();
  if (!w) return Promise.resolve(null);
  const id = ++seq;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    w.postMessage({ id, code, lang } satisfies HighlightRequest);
  });
}
