/**
 * Untrusted markdown -> safe hast on the server: lib/markdown/safe.ts does the parsing and
 * sanitising; this adds shiki highlighting of code blocks.
 */
import type { State } from 'mdast-util-to-hast';
import type { HighlighterCore } from 'shiki/core';
import type { Code } from 'mdast';
import type { Element, Root as HastRoot } from 'hast';
import { markdownToSafeHast } from '@/lib/markdown/safe';
import { highlightToHast } from '@/lib/server/highlight';

export { safeUrl } from '@/lib/markdown/safe';

export function markdownToHast(markdown: string, highlighter: HighlighterCore): HastRoot {
  return markdownToSafeHast(markdown, {
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
  });
}
