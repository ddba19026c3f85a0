'use client';
/**
 * A code block. The text shown is always exactly `code` (tokens render as React spans, no raw
 * HTML), so Copy copies what is shown.
 *
 * - `initial`: tokens the server made for the initial values; used while `code` is that text, so
 *   a page that nobody edits never highlights in the browser.
 * - Otherwise (a value changed): plain text at once, lines that did not change keep the colours
 *   they had; the new tokens come from the highlighting worker, only while the block is on screen
 *   and once the text has stopped changing for a moment.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import type { CompactTokens } from '@/lib/samples/tokens';

/** Quiet time after the last change before highlighting (typing in a form field). */
const SETTLE_MS = 150;

export interface HighlightedText {
  text: string;
  tokens: CompactTokens | null;
}

export function CodeBlock({
  code,
  lang,
  label,
  initial,
}: {
  code: string;
  lang: string | undefined;
  label?: string;
  initial?: HighlightedText | null;
}) {
  const ref = useRef<HTMLPreElement>(null);
  const [done, setDone] = useState<{ code: string; lang: string | undefined; tokens: CompactTokens } | null>(null);
  const [visible, setVisible] = useState(false);
  const fromServer = initial?.tokens && initial.text === code ? initial.tokens : null;
  const current = fromServer ?? (done && done.code === code && done.lang === lang ? done.tokens : null);

  // Only what is on screen is highlighted.
  useEffect(() => {
    const el = ref.current;
    if (!el || fromServer || current) return;
    if (typeof IntersectionObserver === 'undefined') {
      setVisible(true);
      return;
    }
    const io = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)), { rootMargin: '200px' });
    io.observe(el);
    return () => io.disconnect();
  }, [fromServer, current]);

  useEffect(() => {
    if (fromServer || current || !visible || !lang) return;
    let cancelled = false;
    const t = setTimeout(() => {
      void import('./highlight').then(({ highlightCode }) =>
        highlightCode(code, lang).then((tokens) => {
          if (!cancelled && tokens) setDone({ code, lang, tokens });
        }),
      );
    }, SETTLE_MS);
    return () => {
      cancelled = true;
      clearTimeout(t);
    };
  }, [code, lang, visible, fromServer, current]);

  // While new tokens are on their way: lines whose text did not change keep their colours.
  const previous = done && done.lang === lang ? done.tokens : (initial?.tokens ?? undefined);
  const byLine = useMemo(() => {
    if (current || !previous) return null;
    const m = new Map<string, Array<string | number>>();
    for (const line of previous.l) m.set(line.filter((_, i) => i % 2 === 0).join(''), line);
    return m;
  }, [current, previous]);

  let body: ReactNode = code;
  if (current) body = renderLines(current, code.split('\n'), null);
  else if (byLine && previous) body = renderLines(previous, code.split('\n'), byLine);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable code block must be reachable by keyboard (WCAG 2.1.1, axe scrollable-region-focusable)
    <pre ref={ref} className="shiki code-sample" role="group" tabIndex={0} aria-label={label} data-highlighted={current ? 'true' : 'false'}>
      <code>{body}</code>
    </pre>
  );
}

function renderLines(t: CompactTokens, lines: string[], byLine: Map<string, Array<string | number>> | null): ReactNode[] {
  return lines.map((text, i) => {
    let line = byLine ? byLine.get(text) : t.l[i];
    // Tokens always spell the line exactly; anything else is shown as plain text.
    if (line && !byLine && line.filter((_, k) => k % 2 === 0).join('') !== text) line = undefined;
    const nl = i < lines.length - 1 ? '\n' : '';
    if (!line) {
      return (
        <span className="line" key={i}>
          {text}
          {nl}
        </span>
      );
    }
    const parts: ReactNode[] = [];
    for (let j = 0; j < line.length; j += 2) {
      const style = (line[j + 1] as number) >= 0 ? (t.p[line[j + 1] as number] as CSSProperties) : undefined;
      parts.push(
        style ? (
          <span key={j} style={style}>
            {line[j] as string}
          </span>
        ) : (
          (line[j] as string)
        ),
      );
    }
    return (
      <span className="line" key={i}>
        {parts}
        {nl}
      </span>
    );
  });
}
