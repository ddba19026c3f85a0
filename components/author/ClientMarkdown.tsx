'use client';
/**
 * Untrusted recipe markdown -> React elements in the browser, for the /author preview (the recipe
 * pages render on the server with shiki; this is the light client-side twin). No raw HTML ever
 * reaches the DOM: HTML in the markdown is shown as text (`<br>` becomes a line break, comments
 * are dropped); links keep only http(s), mailto, relative and fragment URLs; images from other
 * hosts become links, so a draft never makes the browser fetch from a host the recipe names.
 */
import { Fragment, useMemo } from 'react';
import { jsx, jsxs } from 'react/jsx-runtime';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { toHast } from 'mdast-util-to-hast';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import type { Nodes as MdNodes, Parents as MdParents, Root as MdRoot } from 'mdast';
import type { Element, ElementContent, Nodes as HastNodes, Root as HastRoot } from 'hast';

const BR_RE = /^<br\s*\/?>$/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

function neutralizeHtml(node: MdNodes): void {
  if (!('children' in node)) return;
  const parent = node as MdParents;
  const out: MdNodes[] = [];
  for (const child of parent.children as MdNodes[]) {
    if (child.type === 'html') {
      const v = child.value.trim();
      if (BR_RE.test(v)) out.push({ type: 'break', position: child.position });
      else if (v.startsWith('<!--')) continue;
      else if (parent.type === 'root' || parent.type === 'blockquote' || parent.type === 'listItem') {
        out.push({ type: 'paragraph', children: [{ type: 'text', value: child.value }], position: child.position });
      } else out.push({ type: 'text', value: child.value, position: child.position });
    } else {
      neutralizeHtml(child);
      out.push(child);
    }
  }
  (parent as { children: MdNodes[] }).children = out;
}

/** The URL when it is safe to link to, else undefined. */
export function safeHref(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const compact = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (m && !SAFE_SCHEMES.has(m[1].toLowerCase())) return undefined;
  if (!m && compact.startsWith('//')) return 'https:' + raw.trim();
  return raw.trim();
}

const isExternal = (url: string) => /^https?:\/\//i.test(url) || url.startsWith('//');

function sanitize(node: HastNodes): void {
  if (!('children' in node)) return;
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child;
    sanitize(child);
    if (child.tagName === 'a') {
      const href = safeHref(child.properties.href);
      if (href === undefined) delete child.properties.href;
      else {
        child.properties.href = href;
        if (isExternal(href)) {
          child.properties.rel = ['noopener', 'noreferrer'];
          child.properties.target = '_blank';
        }
      }
    } else if (child.tagName === 'img') {
      const src = safeHref(child.properties.src);
      const alt = typeof child.properties.alt === 'string' && child.properties.alt ? child.properties.alt : 'image';
      if (src === undefined || isExternal(src) || src.startsWith('data:')) {
        const link: Element = {
          type: 'element',
          tagName: src ? 'a' : 'span',
          properties: src ? { href: src, rel: ['noopener', 'noreferrer'], target: '_blank' } : {},
          children: [{ type: 'text', value: `[${alt}]` }],
        };
        return link;
      }
      child.properties.src = src;
      child.properties.loading = 'lazy';
    } else if (child.tagName === 'table') {
      const wrap: Element = { type: 'element', tagName: 'div', properties: { className: ['md-table'] }, children: [child] };
      return wrap;
    }
    return child;
  }) as ElementContent[];
}

export function markdownToSafeHast(markdown: string): HastRoot {
  const mdast: MdRoot = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  neutralizeHtml(mdast);
  const hast = toHast(mdast, { allowDangerousHtml: false }) as HastRoot;
  sanitize(hast);
  return hast;
}

export function ClientMarkdown({ source, className = 'prose' }: { source: string; className?: string }) {
  const content = useMemo(() => {
    if (!source.trim()) return null;
    try {
      return toJsxRuntime(markdownToSafeHast(source), { Fragment, jsx, jsxs, passKeys: true });
    } catch {
      return <pre>{source}</pre>;
    }
  }, [source]);
  if (!content) return null;
  return <div className={className}>{content}</div>;
}
