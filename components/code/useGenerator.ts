'use client';
/** The generator of one language, imported on first use (undefined while it loads). */
import { useEffect, useState } from 'react';
import { loadGenerator, loadedGenerator } from '@/lib/codegen/registry';
import type { LanguageGenerator } from '@/lib/codegen/types';

export function useGenerator(
  lang: string | undefined,
  wanted: boolean,
): { generator?: LanguageGenerator | undefined; error?: string | undefined } {
  const [state, setState] = useState<{ lang?: string; generator?: LanguageGenerator; error?: string }>({});
  const ready = lang ? loadedGenerator(lang) : undefined;
  useEffect(() => {
    if (!lang || !wanted || ready) return;
    let cancelled = false;
    loadGenerator(lang).then(
      (generator) => !cancelled && setState({ lang, generator }),
      (e: unknown) =>
        !cancelled &&
        setState({
          lang,
          error: `Could not load the ${lang} code generator (${(e as Error)?.message ?? e}). Reload the page to try again.`,
        }),
    );
    return () => {
      cancelled = true;
    };
  }, [lang, wanted, ready]);
  if (ready) return { generator: ready };
  return state.lang === lang ? { generator: state.generator, error: state.error } : {};
}
