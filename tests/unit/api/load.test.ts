import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKalturaOpenApi, DescriptionLoadError, loadDescriptionFromUrl } from '@/lib/description';

let server: http.Server;
let base = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    switch (req.url) {
      case '/openapi.json':
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(buildKalturaOpenApi()));
        return;
      case '/page':
        res.setHeader('content-type', 'text/html');
        res.end('<!doctype html><title>Docs</title>');
        return;
      case '/yaml':
        res.end('openapi: 3.0.0\ninfo: {}\n');
        return;
      case '/other.json':
        res.setHeader('content-type', 'application/json');
        res.end('{"hello":"world"}');
        return;
      case '/broken':
        // Promise more bytes than are sent, then drop the connection.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
        res.write('{"openapi":"3.0.0",');
        setTimeout(() => res.socket?.destroy(), 20);
        return;
      default:
        res.statusCode = 404;
        res.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(url: string, fetchImpl?: typeof fetch): Promise<DescriptionLoadError> {
  try {
    await loadDescriptionFromUrl(url, fetchImpl);
  } catch (e) {
    expect(e).toBeInstanceOf(DescriptionLoadError);
    return e as DescriptionLoadError;
  }
  throw new Error(`loading ${url} did not fail`);
}

describe('loadDescriptionFromUrl', () => {
  it('loads and reads an OpenAPI document over HTTP', async () => {
    const d = await loadDescriptionFromUrl(`${base}/openapi.json`);
    expect(d.problems).toEqual([]);
    expect(d.operation('/service/uploadtoken/action/upload')!.params.map((p) => p.name)).toEqual([
      'uploadTokenId',
      'fileData',
      'resume',
      'finalChunk',
      'resumeAt',
    ]);
  });

  it('says the status when the server answers an error', async () => {
    const e = await failure(`${base}/missing.json`);
    expect(e.reason).toBe('http');
    expect(e.message).toContain('HTTP 404');
    expect(e.url).toBe(`${base}/missing.json`);
  });

  it('says when the answer is not JSON, with a hint for HTML and YAML', async () => {
    const html = await failure(`${base}/page`);
    expect(html.reason).toBe('json');
    expect(html.message).toMatch(/not valid JSON.*HTML/);
    const yaml = await failure(`${base}/yaml`);
    expect(yaml.message).toMatch(/YAML/);
  });

  it('says when the JSON is not an OpenAPI document', async () => {
    const e = await failure(`${base}/other.json`);
    expect(e.reason).toBe('shape');
    expect(e.message).toMatch(/no "openapi" or "swagger"/);
  });

  it('says when the server cannot be reached or the connection breaks', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const e = await failure(`http://127.0.0.1:${port}/openapi.json`);
    expect(e.reason).toBe('network');
    expect(e.message).toMatch(/Could not reach .*CORS/);
    const broken = await failure(`${base}/broken`);
    expect(['network', 'json']).toContain(broken.reason);
  });

  it('uses the fetch it is given', async () => {
    const seen: string[] = [];
    const fake = (async (input: string | URL | Request) => {
      seen.push(String(input));
      return new Response(JSON.stringify({ swagger: '2.0', paths: { '/service/a/action/b': { post: { operationId: 'a.b' } } } }));
    }) as typeof fetch;
    const d = await loadDescriptionFromUrl('https://docs.example/openapi.json', fake);
    expect(seen).toEqual(['https://docs.example/openapi.json']);
    expect(d.operationByName('a', 'b')).toMatchObject({ path: '/service/a/action/b', params: [] });
    const rejecting = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const e = await failure('https://docs.example/x.json', rejecting);
    expect(e.message).toContain('Failed to fetch');
  });
});
