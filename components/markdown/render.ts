/**
 * Untrusted markdown -> safe hast, on the server. mdast-util-from-markdown (+ GFM) parses; raw HTML
 * is never passed through: an inline `<br>` becomes a line break, HTML comments are dropped, any
 * other HTML is shown as literal text. Code blocks are highlighted with shiki. Links keep only
 * http(s), mailto, relative and fragment URLs (`javascript:` and other schemes lose their href);
 * external links get rel="noopener noreferrer"; images from other hosts become links (a page must
 * never make the browser fetch from a host the recipe names).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { toHast, type State } from 'mdast-util-to-hast';
import type { HighlighterCore } from 'shiki/core';
import type { Root as MdRoot, Nodes as MdNodes, Code, Parents as MdParents } from 'mdast';
import type { Element, ElementContent, Root as HastRoot, Nodes as HastNodes } from 'hast';
import { highlightToHast } from '@/lib/server/highlight';

const BR_RE = /^<br\s*\/?>$/i;

/** Replaces raw HTML nodes in place: `<br>` -> break, comments -> nothing, the rest -> text. */
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

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/** Returns the URL when it is safe to link to, else undefined. */
export function safeUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  // Browsers ignore control characters and whitespace inside a scheme: strip before checking.
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw); // `java%09script:` is harmless in browsers; drop it anyway
  } catch {
    /* keep raw */
  }
  const compact = decoded.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const m = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (m && !SAFE_SCHEMES.has(m[1].toLowerCase())) return undefined;
  if (!m && compact.startsWith('//')) return 'https:' + raw.trim(); // protocol-relative: make explicit
  return raw.trim();
}

function isExternal(url: string): boolean {
  return /^https?:\/\//i.test(url) || url.startsWith('//');
}

function sanitize(node: HastNodes): void {
  if (!('children' in node)) return;
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child;
    sanitize(child);
    if (child.tagName === 'a') {
      const href = safeUrl(child.properties.href);
      if (href === undefined) delete child.properties.href;
      else {
        child.properties.href = href;
        if (isExternal(href)) child.properties.rel = ['noopener', 'noreferrer'];
      }
    } else if (child.tagName === 'img') {
      const src = safeUrl(child.properties.src);
      const alt = typeof child.properties.alt === 'string' && child.properties.alt ? child.properties.alt : 'image';
      if (src === undefined || isExternal(src) || src.startsWith('data:')) {
        const link: Element = {
          type: 'element',
          tagName: src ? 'a' : 'span',
          properties: src ? { href: src, rel: ['noopener', 'noreferrer'], className: ['md-image-link'] } : {},
          children: [{ type: 'text', value: `[${alt}]` }],
        };
        return link;
      }
      child.properties.src = src;
      child.properties.loading = 'lazy';
    } else if (child.tagName === 'table') {
      // Wide tables scroll inside their own box instead of widening the page.
      const wrap: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['md-table'], tabIndex: 0, role: 'region', ariaLabel: 'Table' },
        children: [child],
      };
      return wrap;
    }
    return child;
  }) as ElementContent[];
}

export function markdownToHast(markdown: string, highlighter: HighlighterCore): HastRoot {
  const mdast: MdRoot = fromMarkdown(markdown, {
    extensions: [gfm()],
    mdastExtensions: [gfmFromMarkdown()],
  });
  neutralizeHtml(mdast);
  const hast = toHast(mdast, {
    allowDangerousHtml: false,
    handlers: {
      code(_state: State, node: Code): Element {
        const root = highlightToHast(highlighter, node.value, node.lang);
        const pre = root.children.find((c): c is Element => c.type === 'element') ?? {
          type: 'element',
          tagName: 'pre',
          properties: {},
          children: [{ type: 'element', tagName: 'code', properties: {}, children: [{ type: 'text', value: node.value }] }],
        };
        if (node.lang) pre.properties['dataLang'] = node.lang;
        return pre;
      },
    },
  }) as HastRoot;
  sanitize(hast);
  return hast;
}
