/**
 * Recipe pages against a real `next start`: the API description is a setting of the running server
 * (RECIPES_API), a page receives only the slice of it its steps reach, a description that cannot
 * be loaded is said on the page, and recipe keys of any JSON shape never break a page.
 */
import { fileURLToPath } from 'node:url';
import { REFERENCE_REL, sharedFile } from '../../helpers/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../helpers/server';
import { scriptUrls } from '../../helpers/page-js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/recipes', import.meta.url));
const { path: REFERENCE, present: hasReference } = sharedFile(REFERENCE_REL, "recipe pages with Kaltura's published description");

describe('with the built-in description', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { RECIPES_EXTRA_DIR: FIXTURES } });
  });
  afterAll(() => server?.dispose());

  it('a recipe with object-valued unknown and x- keys everywhere renders (200) with its problems in place', async () => {
    const r = await fetch(`${server.url}/recipes/extra/object-keys`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('Object-valued keys everywhere');
    expect(html).toContain('looks like a property');
  });

  it('the page carries the slice, not the description, in its data and in its JavaScript', async () => {
    const pageUrl = `${server.url}/recipes/upload-media`;
    const html = await (await fetch(pageUrl)).text();
    expect(html).toContain('KalturaUploadedFileTokenResource');
    // An operation of the built-in description that no step of this recipe reaches.
    expect(html).not.toContain('/service/session/action/end');
    // The built-in description's own source (its services' texts, the OpenAPI builder) is not
    // bundled into the page's scripts.
    const urls = scriptUrls(html, pageUrl);
    expect(urls.length).toBeGreaterThan(3);
    for (const u of urls) {
      const js = await (await fetch(u)).text();
      expect(js, u).not.toContain('Upload token service');
      expect(js, u).not.toContain('Kaltura description: unknown enum');
    }
  });
});

describe.skipIf(!hasReference)("with RECIPES_API set to Kaltura's published description", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { RECIPES_API: REFERENCE } });
  });
  afterAll(() => server?.dispose());

  it('renders the recipe with no description error, and only its slice', async () => {
    const r = await fetch(`${server.url}/recipes/upload-media`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).not.toContain('data-testid="api-error"');
    expect(html).toContain('KalturaMediaEntry');
    // Classes of the published API that the upload recipe never reaches.
    expect(html).not.toContain('KalturaAccessControlProfile');
    expect(html).not.toContain('KalturaCaptionAsset');
    expect(html.length).toBeLessThan(600_000);
  });

  it('serves the whole description to /author as parts', async () => {
    const r = await fetch(`${server.url}/api/description`);
    expect(r.status).toBe(200);
    const etag = r.headers.get('etag');
    const body = (await r.json()) as { label: string; parts: { operations: unknown[]; classes: unknown[] } };
    expect(body.parts.operations.length).toBe(916);
    expect(body.label).toContain('kaltura.19_4_0.openapi.json');
    const again = await fetch(`${server.url}/api/description`, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });
});

describe('with a RECIPES_API that cannot be loaded', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ env: { RECIPES_API: '/nonexistent/kaltura.json' } });
  });
  afterAll(() => server?.dispose());

  it('says so on the page and in the server log, naming it', async () => {
    const r = await fetch(`${server.url}/recipes/upload-media`);
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain('data-testid="api-error"');
    expect(html).toContain('/nonexistent/kaltura.json (no such file)');
    expect(server.output()).toContain('RECIPES_API could not be loaded');
  });
});
