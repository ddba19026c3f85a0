/**
 * Server-side syntax highlighting with shiki: one lazily created highlighter with only the
 * grammars recipes use, the JavaScript regex engine (no wasm), and two themes emitted as CSS
 * variables (`--shiki-light`, `--shiki-dark`) that app/globals.css switches on the color scheme.
 * Costs no browser JS: it runs in server components only.
 */
import { createHighlighterCore, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import type { Root as HastRoot } from 'hast';
import { grammarFor } from '@/lib/samples/tokens';

const THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

let highlighter: Promise<HighlighterCore> | undefined;

export function getHighlighter(): Promise<HighlighterCore> {
  highlighter ??= createHighlighterCore({
    engine: createJavaScriptRegexEngine({ forgiving: true }),
    themes: [
      import('shiki/themes/github-light-default.mjs'),
      import('shiki/themes/github-dark-default.mjs'),
      // Code samples (lib/samples/tokens.ts SAMPLE_THEMES): AA contrast on the sample background.
      import('shiki/themes/github-light-high-contrast.mjs'),
    ],
    langs: [
      import('shiki/langs/json.mjs'),
      import('shiki/langs/javascript.mjs'),
      import('shiki/langs/typescript.mjs'),
      import('shiki/langs/shellscript.mjs'),
      import('shiki/langs/python.mjs'),
      import('shiki/langs/php.mjs'),
      import('shiki/langs/ruby.mjs'),
      import('shiki/langs/java.mjs'),
      import('shiki/langs/csharp.mjs'),
      import('shiki/langs/swift.mjs'),
      import('shiki/langs/html.mjs'),
      import('shiki/langs/xml.mjs'),
      import('shiki/langs/yaml.mjs'),
    ],
  });
  return highlighter;
}

/** The grammar to use for a fence tag, or `text` when it is unknown. */
export function resolveLang(h: HighlighterCore, lang: string | null | undefined): string {
  const l = (lang || '').trim().toLowerCase();
  if (!l) return 'text';
  const name = grammarFor(l) ?? l;
  return h.getLoadedLanguages().includes(name) ? name : 'text';
}

/** Highlights code into a hast tree (`<pre class="shiki"><code>...`); never throws. */
export function highlightToHast(h: HighlighterCore, code: string, lang: string | null | undefined): HastRoot {
  const resolved = resolveLang(h, lang);
  try {
    return h.codeToHast(code, { lang: resolved, themes: THEMES, defaultColor: false }) as HastRoot;
  } catch {
    return h.codeToHast(code, { lang: 'text', themes: THEMES, defaultColor: false }) as HastRoot;
  }
}
