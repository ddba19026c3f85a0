'use client';
/**
 * Untrusted recipe markdown -> React elements in the browser, for the /author preview, through the
 * same sanitiser as the server-rendered pages (lib/markdown/safe.ts; they add shiki). No raw HTML ever
 * reaches the DOM: HTML in the markdown is shown as text (`<br>` becomes a line break, comments
 * are dropped); links keep only http(s), mailto, relative and fragment URLs; images from other
 * hosts become links, so a draft never makes the browser fetch from a host the recipe names.
 */
import { Fragment, useMemo } from 'react';
import { jsx, jsxs } from 'react/jsx-runtime';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { markdownToSafeHast } from '@/lib/markdown/safe';

export function ClientMarkdown({ source, className = 'prose' }: { source: string; className?: string }) {
  const content = useMemo(() => {
    if (!source.trim()) return null;
    try {
      return toJsxRuntime(markdownToSafeHast(source, { externalLinksInNewTab: true }), { Fragment, jsx, jsxs, passKeys: true });
    } catch {
      return <pre>{source}</pre>;
    }
  }, [source]);
  if (!content) return null;
  return <div className={className}>{content}</div>;
}
