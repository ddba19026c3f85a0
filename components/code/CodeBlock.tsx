'use client';
/**
 * A code block: plain text at once, then shiki tokens when the grammar has loaded. Tokens render
 * as React spans (no raw HTML), so the text content is always exactly `code`.
 */
import { useEffect, useState, type CSSProperties } from 'react';
import { tokenize, type Tokens } from './highlight';

export function CodeBlock({ code, lang, label }: { code: string; lang: string | undefined; label?: string }) {
  const [hl, setHl] = useState<{ code: string; lang: string | undefined; tokens: Tokens } | null>(null);
  useEffect(() => {
    let cancelled = false;
    tokenize(code, lang).then((tokens) => {
      if (!cancelled && tokens) setHl({ code, lang, tokens });
    });
    return () => {
      cancelled = true;
    };
  }, [code, lang]);

  const tokens = hl && hl.code === code && hl.lang === lang ? hl.tokens : null;
  return (
    <pre className="shiki code-sample" tabIndex={0} aria-label={label} data-highlighted={tokens ? 'true' : 'false'}>
      <code>
        {tokens
          ? tokens.map((line, i) => (
              <span className="line" key={i}>
                {line.map((t, j) => (
                  <span key={j} style={t.htmlStyle as CSSProperties | undefined}>
                    {t.content}
                  </span>
                ))}
                {i < tokens.length - 1 ? '\n' : ''}
              </span>
            ))
          : code}
      </code>
    </pre>
  );
}
