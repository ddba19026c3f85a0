/**
 * Playwright fixtures: `server` is a real `next start` with its own sandbox (one per worker);
 * every page records console errors and requests to other hosts, and a test fails if there were any.
 */
import { test as base, expect, type Page } from '@playwright/test';
import { startServer, type TestServer } from '../helpers/server';

export interface PageWatch {
  consoleErrors: string[];
  foreignRequests: string[];
}

export const test = base.extend<{ watch: PageWatch }, { server: TestServer }>({
  server: [
    async ({}, use) => {
      const server = await startServer();
      await use(server);
      await server.dispose();
    },
    { scope: 'worker', timeout: 180_000 },
  ],
  baseURL: async ({ server }, use) => {
    await use(server.url);
  },
  watch: [
    async ({ page, server }, use) => {
      const watch: PageWatch = { consoleErrors: [], foreignRequests: [] };
      const origin = new URL(server.url).origin;
      page.on('console', (msg) => {
        if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
      });
      page.on('pageerror', (err) => watch.consoleErrors.push(String(err)));
      page.on('request', (req) => {
        const u = req.url();
        if (u.startsWith('data:') || u.startsWith('blob:') || u === 'about:blank') return;
        if (new URL(u).origin !== origin) watch.foreignRequests.push(u);
      });
      await use(watch);
      expect(watch.consoleErrors, 'console errors').toEqual([]);
      expect(watch.foreignRequests, 'requests to other hosts').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page };
