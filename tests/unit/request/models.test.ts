/** The constructors of RequestModels (lib/request/models.ts): one assembly, and the calls the console makes on its own. */
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { GENERATORS } from '@/lib/codegen';
import { sessionStartModel as sampleLogin } from '@/lib/codegen/lang/common';
import { startSession } from '@/lib/connection/session';
import { toHttpRequest } from '@/lib/request/http';
import { mediaGetModel, requestModel, sessionGetModel, sessionStartModel, uploadTokenGetModel } from '@/lib/request/models';
import type { Connection } from '@/lib/request/types';
import { tokenGetModel } from '@/lib/upload/model';

const target: Connection = { serviceUrl: 'https://k.example', partnerId: 42, ks: 'THE-KS', secret: 'the-admin-secret-0123' };
const formOf = (m: { params: unknown }) => toHttpRequest(m as never).body;

describe('requestModel', () => {
  it('POST, format 1, the target; the KS only where the action takes one', () => {
    const spec = { stepIndex: 3, service: 'caption_captionAsset', action: 'add', params: [] };
    expect(requestModel(spec, target)).toEqual({
      ...spec,
      method: 'POST',
      serviceUrl: 'https://k.example',
      format: 1,
      ks: 'THE-KS',
      partnerId: 42,
    });
    expect(requestModel({ ...spec, requiresKs: false }, target).ks).toBeUndefined();
    expect(requestModel({ ...spec, serviceId: 'caption_captionasset', plugin: 'caption' }, { serviceUrl: 'u' })).toMatchObject({
      serviceId: 'caption_captionasset',
      plugin: 'caption',
    });
    expect(requestModel({ ...spec, serviceId: undefined, plugin: undefined }, { serviceUrl: 'u' })).not.toHaveProperty('serviceId');
  });

  it('the console’s own calls: session.get with the KS, media.get and uploadToken.get of one object', () => {
    expect(toHttpRequest(sessionGetModel('https://k.example', 'KS1')).url).toBe(
      'https://k.example/api_v3/service/session/action/get?format=1&ks=KS1',
    );
    expect(formOf(mediaGetModel('0_e', target, 2))).toEqual({ kind: 'form', fields: [['entryId', '0_e']] });
    const upload = requestModel(
      {
        stepIndex: 1,
        service: 'uploadToken',
        action: 'upload',
        params: [{ name: 'uploadTokenId', value: { kind: 'string', value: '0_t' } }],
      },
      target,
    );
    expect(tokenGetModel(upload)).toEqual(uploadTokenGetModel({ kind: 'string', value: '0_t' }, target, 1));
    expect(formOf(tokenGetModel(upload))).toEqual({ kind: 'form', fields: [['uploadTokenId', '0_t']] });
  });
});

describe('session.start: the login and the samples’ set-up are one call', () => {
  it('the secret is marked, the session asks for a day, no KS is sent', () => {
    const m = sessionStartModel({ serviceUrl: 'https://k.example', partnerId: 42, secret: 's3cret' });
    expect(m.ks).toBeUndefined();
    expect(m.params.find((p) => p.name === 'secret')).toEqual({ name: 'secret', value: { kind: 'string', value: 's3cret' }, secret: true });
    expect(formOf(m)).toEqual({
      kind: 'form',
      fields: [
        ['secret', 's3cret'],
        ['userId', ''],
        ['type', '2'],
        ['partnerId', '42'],
        ['expiry', '86400'],
      ],
    });
  });

  it('what the login sends is what the generated set-up code prints', async () => {
    const sent: string[] = [];
    const fetchImpl = (async (_u: string, init?: RequestInit) => {
      sent.push(String(init?.body));
      return new Response('"A-KS"', { status: 200 });
    }) as unknown as typeof fetch;
    await startSession({ serviceUrl: target.serviceUrl, partnerId: 42, secret: target.secret! }, fetchImpl);
    const ctx = { api: getKalturaDescription(), connection: target, setup: true, secrets: 'shown' as const };
    expect(sampleLogin(ctx)).toEqual(
      sessionStartModel({ serviceUrl: target.serviceUrl, partnerId: 42, secret: target.secret!, userId: undefined }),
    );
    // curl prints the request itself: its -d fields are the login's body.
    const code = GENERATORS.curl.step(mediaGetModel('0_e', target, 0), ctx);
    const setup = code.slice(code.indexOf('session/action/start'), code.indexOf('KS=$('));
    const printed = [...setup.matchAll(/-d '?([^' \n)]+)'?/g)].map((m) => m[1]).join('&');
    expect(printed).toBe(sent[0]);
    // masked, the secret is a placeholder and the rest stays
    const masked = GENERATORS.curl.step(mediaGetModel('0_e', target, 0), { ...ctx, secrets: 'masked' });
    expect(masked).toContain('secret=YOUR_ADMIN_SECRET');
    expect(masked).toContain('expiry=86400');
    expect(masked).not.toContain(target.secret);
  });
});
