/** A recipe's `openapi` URL is fetched by every reader's browser: with no Referer and no credentials (issue 11). */
import { describe, expect, it } from 'vitest';
import { buildKalturaOpenApi, loadDescriptionFromUrl } from '@/lib/description';

describe('loading a description from a URL', () => {
  it('asks fetch for no referrer and no credentials', async () => {
    const seen: RequestInit[] = [];
    const fake: typeof fetch = async (_url, init) => {
      seen.push(init ?? {});
      return new Response(JSON.stringify(buildKalturaOpenApi()), { headers: { 'content-type': 'application/json' } });
    };
    await loadDescriptionFromUrl('https://docs.example/openapi.json', fake);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.referrerPolicy).toBe('no-referrer');
    expect(seen[0]!.credentials).toBe('omit');
  });
});
