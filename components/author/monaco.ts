/**
 * Loads Monaco from the local `monaco-editor` package (never a CDN) and tells @monaco-editor/react
 * to use it. Workers are module workers bundled with the app. Imported only by the /author editor,
 * so no other page loads Monaco.
 */
import { loader } from '@monaco-editor/react';

export type Monaco = typeof import('monaco-editor');

interface MonacoEnv {
  getWorker(workerId: string, label: string): Worker;
}

let loading: Promise<Monaco> | undefined;

export function loadMonaco(): Promise<Monaco> {
  loading ??= (async () => {
    (self as unknown as { MonacoEnvironment: MonacoEnv }).MonacoEnvironment = {
      getWorker(_workerId: string, label: string): Worker {
        if (label === 'json') return new Worker(new URL('./json.worker.ts', import.meta.url), { type: 'module', name: 'monaco-json' });
        return new Worker(new URL('./editor.worker.ts', import.meta.url), { type: 'module', name: 'monaco-editor' });
      },
    };
    const monaco = await import('monaco-editor');
    loader.config({ monaco });
    return monaco;
  })();
  return loading;
}
