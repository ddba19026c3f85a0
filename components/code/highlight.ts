/**
 * Browser-side highlighting: `shiki/core` with the JavaScript regex engine (no wasm). The core,
 * the two themes and each grammar are loaded on first use (one dynamic import per grammar), so the
 * recipe page ships none of them up front.
 */
import type { HighlighterCore, ThemedToken } from 'shiki/core';

export type Tokens = ThemedToken[][];

/**
 * Themes whose every token colour meets WCAG AA (4.5:1) on the page's code backgrounds
 * (#f6f8fa light, #151b23 dark); github-light's orange and github-dark's comments do not.
 */
const THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-default' } as const;

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

/** Fence tags and sample languages -> grammar names above. */
const ALIASES: Record<string, string> = {
  ajax: 'javascript',
  node: 'javascript',
  js: 'javascript',
  javascript: 'javascript',
  angular: 'typescript',
  ts: 'typescript',
  typescript: 'typescript',
  curl: 'shellscript',
  bash: 'shellscript',
  sh: 'shellscript',
  shell: 'shellscript',
  shellscript: 'shellscript',
  csharp: 'csharp',
  cs: 'csharp',
  'c#': 'csharp',
  java: 'java',
  php: 'php',
  php53: 'php',
  python: 'python',
  py: 'python',
  ruby: 'ruby',
  rb: 'ruby',
  swift: 'swift',
  html: 'html',
  json: 'json',
};

export function grammarFor(lang: string | undefined): string | undefined {
  return lang ? ALIASES[lang.trim().toLowerCase()] : undefined;
}

let core: Promise<HighlighterCore> | undefined;
const loading = new Map<string, Promise<void>>();

async function highlighter(): Promise<HighlighterCore> {
  core ??= Promise.all([import('shiki/core'), import('shiki/engine/javascript')]).then(([shiki, engine]) =>
    shiki.createHighlighterCore({
      engine: engine.createJavaScriptRegexEngine({ forgiving: true }),
      themes: [import('shiki/themes/github-light-high-contrast.mjs'), import('shiki/themes/github-dark-default.mjs')],
      langs: [],
    }),
  );
  return core;
}

/** Tokens of `code` in `lang`, or null when there is no grammar for it. Never throws. */
export async function tokenize(code: string, lang: string | undefined): Promise<Tokens | null> {
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
    return h.codeToTokens(code, { lang: grammar, themes: THEMES, defaultColor: false }).tokens;
  } catch {
    return null;
  }
}
