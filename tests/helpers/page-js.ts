/**
 * Measures the JavaScript a modern browser loads for a page of a running console: the scripts
 * referenced by the served HTML (`<script src>` without `nomodule`, and `<link rel="preload|
 * modulepreload" as="script">`, same origin), each fetched and gzipped with zlib level 9. Used by scripts/bench/page-js.ts and by tests
 * that assert a page's JS does not grow (e.g. when the authoring editor is added).
 */
import { gzipSync, constants } from 'node:zlib';

export interface ScriptSize {
  url: string;
  bytes: number;
  gzipBytes: number;
}

export interface PageJs {
  path: string;
  status: number;
  scripts: ScriptSize[];
  totalBytes: number;
  totalGzipBytes: number;
}

/** The same-origin script URLs a page's HTML references, in document order, without duplicates. */
export function scriptUrls(html: string, pageUrl: string): string[] {
  const origin = new URL(pageUrl).origin;
  const found: string[] = [];
  const attr = (tag: string, name: string): string | undefined => {
    const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
    return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
  };
  for (const m of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const tag = m[0];
    let src: string | undefined;
    if (m[1]!.toLowerCase() === 'script') {
      // `nomodule` scripts (Next's legacy polyfills) are skipped by every module-capable browser.
      if (/\snomodule(\s|=|>|\/)/i.test(tag)) continue;
      src = attr(tag, 'src');
    } else {
      const rel = (attr(tag, 'rel') || '').toLowerCase();
      const as = (attr(tag, 'as') || '').toLowerCase();
      if (rel === 'modulepreload' || (rel === 'preload' && as === 'script')) src = attr(tag, 'href');
    }
    if (!src) continue;
    const url = new URL(src.replace(/&amp;/g, '&'), pageUrl);
    if (url.origin !== origin) continue;
    if (!found.includes(url.href)) found.push(url.href);
  }
  return found;
}

export function gzipSize(data: Uint8Array): number {
  return gzipSync(data, { level: constants.Z_BEST_COMPRESSION }).length;
}

/** Fetches `path` from the server at `baseUrl` and measures every script its HTML references. */
export async function measurePageJs(baseUrl: string, path: string): Promise<PageJs> {
  const pageUrl = new URL(path, baseUrl).href;
  const res = await fetch(pageUrl);
  const html = await res.text();
  const scripts: ScriptSize[] = [];
  for (const url of scriptUrls(html, pageUrl)) {
    const r = await fetch(url);
    if (!r.ok) throw new Error(`${url} answered ${r.status}`);
    const body = new Uint8Array(await r.arrayBuffer());
    scripts.push({ url: new URL(url).pathname, bytes: body.length, gzipBytes: gzipSize(body) });
  }
  return {
    path,
    status: res.status,
    scripts,
    totalBytes: scripts.reduce((s, x) => s + x.bytes, 0),
    totalGzipBytes: scripts.reduce((s, x) => s + x.gzipBytes, 0),
  };
}

export const kb = (bytes: number): string => (bytes / 1024).toFixed(1);

/**
 * The same figure as a real browser sees it: every script response Chromium receives while loading
 * `path` until the network is idle (so chunks the page imports right after hydrating count too),
 * each re-fetched and gzipped with level 9. Needs the system Chromium (CHROMIUM_PATH).
 */
export async function measurePageJsInBrowser(baseUrl: string, path: string): Promise<PageJs> {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    const urls: string[] = [];
    page.on('response', (r) => {
      if (r.request().resourceType() === 'script' && !urls.includes(r.url())) urls.push(r.url());
    });
    const res = await page.goto(new URL(path, baseUrl).href, { waitUntil: 'networkidle' });
    const scripts: ScriptSize[] = [];
    for (const url of urls) {
      const body = new Uint8Array(await (await fetch(url)).arrayBuffer());
      scripts.push({ url: new URL(url).pathname, bytes: body.length, gzipBytes: gzipSize(body) });
    }
    return {
      path,
      status: res?.status() ?? 0,
      scripts,
      totalBytes: scripts.reduce((s, x) => s + x.bytes, 0),
      totalGzipBytes: scripts.reduce((s, x) => s + x.gzipBytes, 0),
    };
  } finally {
    await browser.close();
  }
}
