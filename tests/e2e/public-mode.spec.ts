/**
 * Public mode in real browsers (CONSOLE_PUBLIC=1 under `npm start`): two browsers (two contexts,
 * two cookie jars) that open a recipe page get sandbox partners of their own, never the shared
 * one; a browser keeps its partner across pages; the visitor cookie is HttpOnly (no script reads
 * it). The attacker's cases (another origin, a rebinding Host, a made-up cookie) and quotas and
 * expiry are in tests/integration/public/public-mode.test.ts.
 */
import { test as base, expect } from './fixtures';
import { startServer, TEST_PARTNER_ID, type TestServer } from '../helpers/server';
import { waitConnected } from './runner-helpers';

const test = base.extend<object, { server: TestServer }>({
  server: [
    async ({}, use) => {
      const server = await startServer({ env: { CONSOLE_PUBLIC: '1' } });
      await use(server);
      await server.dispose();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
});

type Session = { partnerId: number; ks: string; serviceUrl: string };

test('two browsers get two partners of their own; each keeps its own; the cookie is HttpOnly', async ({ browser, server }) => {
  const sessionOf = async (ctx: Awaited<ReturnType<typeof browser.newContext>>): Promise<Session> => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/recipes/start-and-inspect-session`);
    // The page asks for its session itself when it loads; a request of ours before that answer
    // (and its cookie) would be a second cookie-less visitor, with a partner of its own.
    await waitConnected(page);
    const s = await page.evaluate(async () => (await fetch('/api_v3/sandbox/session', { cache: 'no-store' })).json());
    // the page's own session is of the same partner
    const own = await page.evaluate(() => JSON.parse(sessionStorage.getItem('recipe-console:connection') ?? '{}').partnerId as number);
    expect(own).toBe(s.partnerId);
    expect(await page.evaluate(() => document.cookie)).not.toContain('rc_visitor');
    await page.close();
    return s as Session;
  };
  const one = await browser.newContext();
  const two = await browser.newContext();
  try {
    const a = await sessionOf(one);
    const b = await sessionOf(two);
    expect(a.partnerId).toBeGreaterThan(0);
    expect(b.partnerId).toBeGreaterThan(0);
    expect(a.partnerId).not.toBe(b.partnerId);
    expect([a.partnerId, b.partnerId]).not.toContain(TEST_PARTNER_ID);
    expect((await sessionOf(one)).partnerId).toBe(a.partnerId);
    const cookies = await one.cookies();
    const visitor = cookies.find((c) => c.name === 'rc_visitor');
    expect(visitor?.httpOnly).toBe(true);
    expect(visitor?.sameSite).toBe('Strict');
  } finally {
    await one.close();
    await two.close();
  }
});

test('two tabs of one browser opened together share one partner (their session requests take turns)', async ({ browser, server }) => {
  const ctx = await browser.newContext();
  try {
    // Each session answer is held back a moment, so that if the tabs did not take turns the second
    // tab's request would reach the server before the first answer set the visitor cookie.
    await ctx.route('**/api_v3/sandbox/session', async (route) => {
      const response = await route.fetch();
      await new Promise((r) => setTimeout(r, 600));
      await route.fulfill({ response });
    });
    const [a, b] = [await ctx.newPage(), await ctx.newPage()];
    await Promise.all([a.goto(`${server.url}/recipes/start-and-inspect-session`), b.goto(`${server.url}/recipes/upload-media`)]);
    await Promise.all([waitConnected(a), waitConnected(b)]);
    const partnerOf = (p: typeof a) =>
      p.evaluate(() => JSON.parse(sessionStorage.getItem('recipe-console:connection') ?? '{}').partnerId as number);
    const [pa, pb] = [await partnerOf(a), await partnerOf(b)];
    expect(pa).toBeGreaterThan(0);
    expect(pa).not.toBe(TEST_PARTNER_ID);
    expect(pb).toBe(pa);
  } finally {
    await ctx.close();
  }
});
