/**
 * Highlights code samples off the main thread: shiki/core with the JavaScript regex engine (no
 * wasm); the themes and each grammar load on first use inside the worker. Messages:
 * {id, code, lang} in, {id, tokens} out (tokens null when the language has no grammar).
 */
import type { HighlighterCore } from 'shiki/core';
import { SAMPLE_THEMES, compactTokens, grammarFor, type CompactTokens } from '@/lib/samples/tokens';

export interface HighlightRequest {
  id: number;
  code: string;
  lang: string | undefined;
}

export interface HighlightResponse {
  id: number;
  tokens: CompactTokens | null;
}

/** One loader per grammar; static import paths so the bundler makes one chunk for each. */
const GRAMMARS: Record<string, () => Promise<unknown>> = {
  javascript: () => import('shiki/langs/javascript.mjs'),
  typescript: () => import('shiki/langs/typescript.mjs'),
  csharp: () => import('shiki/langs/csharp.mjs'),
  shellscript: () => import('shiki/langs/shellscript.mjs'),
  java: () => import('shiki/langs/java.mjs'),
  php: () => import('shiki/langs/php.mjs'),
  python: () => import('shiki/langs/python.mjs'),
  ruby: () => import('shiki/langs/ruby.mjs'),
  swift: () => import('shiki/langs/swift.mjs'),
  html: () => import('shiki/langs/html.mjs'),
  json: () => import('shiki/langs/json.mjs'),
};

let core: Promise<HighlighterCore> | undefined;
const loading = new Map<string, Promise<void>>();

function highlighter(): Promise<HighlighterCore> {
  core ??= Promise.all([import('shiki/core'), import('shiki/engine/javascript')]).then(([shiki, engine]) =>
    shiki.createHighlighterCore({
      engine: engine.createJavaScriptRegexEngine({ forgiving: true }),
      themes: [import('shiki/themes/github-light-high-contrast.mjs'), import('shiki/themes/github-dark-default.mjs')],
      langs: [],
    }),
  );
  return core;
}

async function tokens(code: string, lang: string | undefined): Promise<CompactTokens | null> {
  const grammar = grammarFor(lang);
  if (!grammar || !GRAMMARS[grammar]) return null;
  try {
    const h = await highlighter();
    if (!h.getLoadedLanguages().includes(grammar)) {
      let p = loading.get(grammar);
      if (!p) {
        p = h.loadLanguage(GRAMMARS[grammar]() as never);
        loading.set(grammar, p);
      }
      await p;
    }
    return compactTokens(h.codeToTokens(code, { lang: grammar, themes: SAMPLE_THEMES, defaultColor: false }).tokens);
  } catch {
    return null;
  }
}

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<HighlightRequest>) => void) | null;
  postMessage(m: HighlightResponse): void;
};

scope.onmessage = (e) => {
  const { id, code, lang } = e.data;
  void tokens(code, lang).then((t) => scope.postMessage({ id, tokens: t }));
};
