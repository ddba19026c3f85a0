/**
 * Renders untrusted recipe markdown as React elements on the server (no raw HTML, no client JS).
 * Usage: `<Markdown source={step.prose} className="prose" />`.
 */
import { Fragment } from 'react';
import { jsx, jsxs } from 'react/jsx-runtime';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { getHighlighter } from '@/lib/server/highlight';
import { markdownToHast } from './render';

export interface MarkdownProps {
  /** Markdown text (untrusted). */
  source: string;
  className?: string;
}

export async function Markdown({ source, className = 'prose' }: MarkdownProps) {
  if (!source.trim()) return null;
  const highlighter = await getHighlighter();
  const hast = markdownToHast(source, highlighter);
  return <div className={className}>{toJsxRuntime(hast, { Fragment, jsx, jsxs, passKeys: true })}</div>;
}

export default Markdown;
