import { describe, expect, it } from 'vitest';
import type { Element, Nodes } from 'hast';
import { markdownToSafeHast, safeUrl } from '@/lib/markdown/safe';

function elements(node: Nodes, tag: string, out: Element[] = []): Element[] {
  if (node.type === 'element' && node.tagName === tag) out.push(node);
  if ('children' in node) for (const c of node.children) elements(c as Nodes, tag, out);
  return out;
}

describe('lib/markdown/safe (shared by the pages and the /author preview)', () => {
  it('drops script URLs, also percent-encoded or with control characters', () => {
    expect(safeUrl('java%09script:alert(1)')).toBeUndefined();
    expect(safeUrl('JaVa\tScRiPt:alert(1)')).toBeUndefined();
    expect(safeUrl('data:text/html,x')).toBeUndefined();
    expect(safeUrl('mailto:a@b.c')).toBe('mailto:a@b.c');
    expect(safeUrl('//cdn.example/x')).toBe('https://cdn.example/x');
  });

  it('never passes raw HTML; <br> becomes a line break', () => {
    const hast = markdownToSafeHast('a<br>b <script>alert(1)</script>\n\n<img src=x onerror=alert(1)>');
    expect(elements(hast, 'script')).toHaveLength(0);
    expect(elements(hast, 'img')).toHaveLength(0);
    expect(elements(hast, 'br')).toHaveLength(1);
    // shown as text, never as markup
    const text = (n: Nodes): string =>
      n.type === 'text' ? n.value : 'children' in n ? n.children.map((c) => text(c as Nodes)).join('') : '';
    expect(text(hast)).toContain('<script>alert(1)</script>');
    expect(text(hast)).toContain('<img src=x onerror=alert(1)>');
  });

  it('external links get rel, and target=_blank only when asked; remote images become links', () => {
    const md = '[x](https://example.com) [y](/local) ![pic](https://example.com/p.png)';
    const plain = elements(markdownToSafeHast(md), 'a');
    expect(plain[0]!.properties.rel).toEqual(['noopener', 'noreferrer']);
    expect(plain[0]!.properties.target).toBeUndefined();
    expect(plain[1]!.properties.rel).toBeUndefined();
    expect(plain).toHaveLength(3);
    const tab = elements(markdownToSafeHast(md, { externalLinksInNewTab: true }), 'a');
    expect(tab[0]!.properties.target).toBe('_blank');
    expect(tab[1]!.properties.target).toBeUndefined();
  });
});
