/**
 * Untrusted recipe markdown -> safe hast. One implementation for the server-rendered pages
 * (components/markdown/render.ts adds shiki highlighting) and the /author preview in the browser.
 *
 * mdast-util-from-markdown (+ GFM) parses; raw HTML is never passed through: an inline `<br>`
 * becomes a line break, HTML comments are dropped, any other HTML is shown as literal text. Links
 * keep only http(s), mailto, relative and fragment URLs (`javascript:` and other schemes lose their
 * href); external links get rel="noopener noreferrer"; images from other hosts become links (a page
 * must never make the browser fetch from a host the recipe names).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { toHast, type Handlers } from 'mdast-util-to-hast';
import type { Root as MdRoot, Nodes as MdNodes, Parents as MdParents } from 'mdast';
import type { Element, ElementContent, Root as HastRoot, Nodes as HastNodes } from 'hast';

const BR_RE = /^<br\s*\/?>$/i;
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

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
  if (m && !SAFE_SCHEMES.has(m[1]!.toLowerCase())) return undefined;
  if (!m && compact.startsWith('//')) return 'https:' + raw.trim(); // protocol-relative: make explicit
  return raw.trim();
}

function isExternal(url: string): boolean {
  return /^https?:\/\//i.test(url) || url.startsWith('//');
}

export interface SafeMarkdownOptions {
  /** mdast-util-to-hast handlers (the server passes a `code` handler that highlights). */
  handlers?: Partial<Handlers>;
  /** Open external links in a new tab (the editor's preview, so the draft stays open). */
  externalLinksInNewTab?: boolean;
}

function sanitize(node: HastNodes, opts: SafeMarkdownOptions): void {
  if (!('children' in node)) return;
  const blank = opts.externalLinksInNewTab ? { target: '_blank' } : {};
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child;
    sanitize(child, opts);
    if (child.tagName === 'a') {
      const href = safeUrl(child.properties.href);
      if (href === undefined) delete child.properties.href;
      else {
        child.properties.href = href;
        if (isExternal(href)) Object.assign(child.properties, { rel: ['noopener', 'noreferrer'], ...blank });
      }
    } else if (child.tagName === 'img') {
      const src = safeUrl(child.properties.src);
      const alt = typeof child.properties.alt === 'string' && child.properties.alt ? child.properties.alt : 'image';
      if (src === undefined || isExternal(src) || src.startsWith('data:')) {
        const link: Element = {
          type: 'element',
          tagName: src ? 'a' : 'span',
          properties: src ? { href: src, rel: ['noopener', 'noreferrer'], className: ['md-image-link'], ...blank } : {},
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

export function markdownToSafeHast(markdown: string, opts: SafeMarkdownOptions = {}): HastRoot {
  const mdast: MdRoot = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  neutralizeHtml(mdast);
  const hast = toHast(mdast, { allowDangerousHtml: false, handlers: opts.handlers }) as HastRoot;
  sanitize(hast, opts);
  return hast;
}
