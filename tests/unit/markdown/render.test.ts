import { describe, expect, it } from 'vitest';
import { Fragment } from 'react';
import { jsx, jsxs } from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { toJsxRuntime } from 'hast-util-to-jsx-runtime';
import { getHighlighter, resolveLang } from '@/lib/server/highlight';
import { markdownToHast, safeUrl } from '@/components/markdown/render';

async function render(md: string): Promise<string> {
  // Rendered exactly as components/markdown/Markdown.tsx does, to static HTML.
  return renderToStaticMarkup(toJsxRuntime(markdownToHast(md, await getHighlighter()), { Fragment, jsx, jsxs, passKeys: true }));
}

describe('markdown rendering of untrusted recipe text', () => {
  it('renders GFM: emphasis, inline code, lists, tables', async () => {
    const html = await render('Use **bold** and `code`.\n\n- a\n- b\n\n| x | y |\n| - | - |\n| 1 | 2 |\n');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<code>code</code>');
    expect(html).toContain('<li>a</li>');
    expect(html).toMatch(/<div class="md-table"[^>]*><table>/);
    expect(html).toContain('<td>1</td>');
  });

  it('turns an inline <br> into a line break and never passes other raw HTML through', async () => {
    const html = await render('one<br>two<br/>three\n\n<script>alert(1)</script>\n\nx <img src=x onerror=alert(1)> y\n\n<!-- hidden -->\n');
    expect(html).toMatch(/one<br\/>\s*two<br\/>\s*three/);
    expect(html).not.toContain('<script');
    expect(html).not.toMatch(/<img[^>]*onerror/);
    // Shown as text instead, escaped.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('hidden');
  });

  it('drops javascript: and other unsafe link targets, keeps safe ones', async () => {
    const html = await render(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](<java\tscript:x>) [d](data:text/html,x) [e](vbscript:x) [f](/recipes/x) [g](#step-2) [h](mailto:a@b.c)',
    );
    expect(html).not.toMatch(/href="\s*(java|data|vb)/i);
    expect(html).toContain('<a>a</a>');
    expect(html).toContain('<a>b</a>');
    expect(html).toContain('<a>d</a>');
    expect(html).toContain('<a href="/recipes/x">f</a>');
    expect(html).toContain('<a href="#step-2">g</a>');
    expect(html).toContain('<a href="mailto:a@b.c">h</a>');
    expect(safeUrl(' javascript:x')).toBeUndefined();
    expect(safeUrl('java\nscript:x')).toBeUndefined();
    expect(safeUrl('https://example.com/a')).toBe('https://example.com/a');
  });

  it('marks external links noopener noreferrer, internal ones not', async () => {
    const html = await render('[out](https://github.com/kaltura) [in](/recipes/upload-media)');
    expect(html).toContain('<a href="https://github.com/kaltura" rel="noopener noreferrer">out</a>');
    expect(html).toContain('<a href="/recipes/upload-media">in</a>');
  });

  it('never loads images from other hosts: they become links', async () => {
    const html = await render('![logo](https://evil.example/x.png) ![rel](/img/a.png)');
    expect(html).not.toContain('<img src="https://evil.example');
    expect(html).toContain('<a href="https://evil.example/x.png" rel="noopener noreferrer" class="md-image-link">[logo]</a>');
    expect(html).toContain('<img src="/img/a.png" alt="rel" loading="lazy"/>');
  });

  it('highlights code blocks with both themes as CSS variables; unknown languages are plain text', async () => {
    const html = await render('```json\n{"a": 1}\n```\n\n```nosuchlang\n<b>x</b>\n```\n');
    expect(html).toMatch(/<pre class="shiki shiki-themes github-light-default github-dark-default"[^>]*data-lang="json"/);
    expect(html).toContain('--shiki-dark:');
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>x</b>');
    const h = await getHighlighter();
    expect(resolveLang(h, 'py')).toBe('python'); // the one alias table (lib/samples/tokens.ts) names the grammar
    expect(resolveLang(h, 'php53')).toBe('php');
    expect(resolveLang(h, 'nosuchlang')).toBe('text');
    expect(resolveLang(h, undefined)).toBe('text');
  });
});
