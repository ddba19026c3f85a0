/**
 * Highlighted code as compact data, made the same way on the server (initial samples) and in the
 * highlighting worker (samples changed by the user): the themes, the grammar of each sample
 * language, and the token format CodeBlock renders (no raw HTML: text plus style variables).
 */
import type { ThemedToken } from 'shiki/core';

/**
 * Themes whose every token colour meets WCAG AA (4.5:1) on the page's code backgrounds
 * (#f6f8fa light, #151b23 dark); github-light's orange and github-dark's comments do not.
 */
export const SAMPLE_THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-default' } as const;

/**
 * Sample languages and fence tags -> shiki grammar names: the one table, used for code samples (here
 * and in the highlighting worker) and for the prose's code fences (lib/server/highlight.ts).
 */
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
  jsonc: 'json',
  console: 'shellscript',
  xml: 'xml',
  yaml: 'yaml',
  yml: 'yaml',
};

export function grammarFor(lang: string | undefined): string | undefined {
  return lang ? ALIASES[lang.trim().toLowerCase()] : undefined;
}

/**
 * Tokens of one code text: `p` the distinct token styles (CSS variables `--shiki-light`,
 * `--shiki-dark`, ...), `l` one array per line alternating text and an index into `p`
 * (-1: no style). Adjacent tokens of one style are merged.
 */
export interface CompactTokens {
  p: Array<Record<string, string>>;
  l: Array<Array<string | number>>;
}

export function compactTokens(lines: ThemedToken[][]): CompactTokens {
  const p: Array<Record<string, string>> = [];
  const index = new Map<string, number>();
  const l = lines.map((line) => {
    const out: Array<string | number> = [];
    for (const t of line) {
      const style = (t.htmlStyle ?? {}) as Record<string, string>;
      const key = JSON.stringify(style);
      let i = index.get(key);
      if (i === undefined) {
        i = Object.keys(style).length ? p.push(style) - 1 : -1;
        index.set(key, i);
      }
      if (out.length >= 2 && out[out.length - 1] === i) out[out.length - 2] = (out[out.length - 2] as string) + t.content;
      else out.push(t.content, i);
    }
    return out;
  });
  return { p, l };
}

/** The text the tokens spell (what CodeBlock shows and what Copy copies must be this). */
export function tokensText(t: CompactTokens): string {
  return t.l.map((line) => line.filter((_, i) => i % 2 === 0).join('')).join('\n');
}
