/** Secrets never reach a Demo, masked code, or the runner's storage (issue 11, finding 2). */
import { describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { buildForm } from '@/lib/form';
import { parseRecipe } from '@/lib/recipe';
import { buildKs } from '@/lib/sandbox/ks';
import { connectionSecrets, looksLikeKs, maskSecrets, publicAnswers, replaceKss } from '@/lib/runner/secrets';
import { createRunnerStore } from '@/lib/runner';
import { sampleTabs, sampleText, programText } from '@/lib/samples/tabs';
import { GENERATORS } from '@/lib/codegen';
import type { ExecuteResult } from '@/lib/request/execute';
import type { Connection } from '@/lib/request/types';
import { param, step } from '../form/helpers';

const api = getKalturaDescription();
const SECRET = 'admin-secret-0123456789abcdef';
const ks = (userId: string, pid = 1000042) =>
  buildKs('another-secret-0123456789', { partnerId: pid, type: 2, userId, expiry: 2_000_000_000, privileges: new Map() });
const KS = ks('console');
const OTHER_KS = ks('made-by-step-1'); // a KS an earlier step answered (not the connection's)
const connection: Connection = { serviceUrl: 'http://127.0.0.1:3000', partnerId: 1000042, secret: SECRET, ks: KS };

describe('KS recognition', () => {
  it('knows a KS (v2 base64url, v1 base64, padded or not) and nothing else', () => {
    expect(looksLikeKs(KS)).toBe(true);
    expect(looksLikeKs(KS + '==')).toBe(true);
    const v1 = Buffer.from('0123456789abcdef0123456789abcdef01234567|42;42;2000000000;2;1;u;').toString('base64');
    expect(looksLikeKs(v1)).toBe(true);
    for (const s of ['0_0123456789abcdef0123456789abcdef', 'x'.repeat(60), SECRET, 'hello world', ''])
      expect(looksLikeKs(s), s).toBe(false);
    expect(replaceKss(`https://x/?ks=${KS}&a=1 and ${OTHER_KS}.`, 'K')).toBe('https://x/?ks=K&a=1 and K.');
  });
});

describe('what a Demo gets', () => {
  const recipe = parseRecipe(
    '# T\n\n## S\n\n### API Call\n```json\n' +
      JSON.stringify({
        method: 'post',
        path: '/service/session/action/get',
        parameters: [
          { name: 'k', custom: true, hidden: true, fromSecrets: 'ks' },
          { name: 's', custom: true, hidden: true, fromSecrets: 'secret' },
          { name: 'p', custom: true, hidden: true, fromSecrets: 'partnerId' },
          { name: 'carried', custom: true },
          { name: 'nested', custom: true, type: 'object' },
          { name: 'title', custom: true },
        ],
      }) +
      '\n```\n',
  );
  const form = buildForm(recipe.steps[0]!, api);

  it('no value filled from the connection, no credential field, no string holding a secret or any KS', () => {
    const values = {
      k: KS,
      s: SECRET,
      p: 1000042,
      carried: OTHER_KS,
      nested: { deep: [`prefix ${SECRET} suffix`, 'kept'], url: `https://x/?ks=${OTHER_KS}` },
      title: 'Sunset',
      session: KS, // the operation's own `session` parameter
    };
    const a = publicAnswers(form, values, connectionSecrets(connection));
    expect(a).toEqual({ nested: { deep: [undefined, 'kept'] }, title: 'Sunset' });
    const text = JSON.stringify(a);
    for (const s of [KS, OTHER_KS, SECRET]) expect(text).not.toContain(s);
  });
});

describe('masked code holds no KS at all', () => {
  it("hand-written samples: the answers' secrets become placeholders; generated programs too", () => {
    const r = parseRecipe(
      '# T\n\n## S\n\n### API Call\n```json\n{"parameters": [{"name": "k", "custom": true}]}\n```\n\n### Sample Code (curl)\n```bash\ncurl -d ks=<%- answers.k %> -d s=<%- answers.s %>\n```\n',
    );
    const tab = sampleTabs(r.steps[0]!)[0]!;
    const o = { request: null, answers: { k: OTHER_KS, s: SECRET }, connection, api, setup: false, secrets: 'masked' as const };
    const text = sampleText(tab, o, undefined);
    expect(text).toBe('curl -d ks=YOUR_KS -d s=YOUR_ADMIN_SECRET');
    expect(sampleText(tab, { ...o, secrets: 'shown' }, undefined)).toContain(OTHER_KS);
    const model = {
      stepIndex: 0,
      service: 'session',
      action: 'get',
      method: 'POST' as const,
      serviceUrl: connection.serviceUrl,
      params: [{ name: 'session', value: { kind: 'string' as const, value: OTHER_KS } }],
      ks: KS,
      format: 1 as const,
    };
    const program = programText(GENERATORS.python, r, [model], connection, 'masked', api);
    expect(program).not.toContain(OTHER_KS);
    expect(program).not.toContain(KS);
    expect(program).toContain('YOUR_KS');
  });

  it('maskSecrets walks any value', () => {
    expect(maskSecrets({ a: [SECRET, `x${KS}`] }, [{ value: SECRET, placeholder: 'S' }], 'K')).toEqual({ a: ['S', 'xK'] });
  });
});

describe("the runner's storage", () => {
  function memory() {
    const data = new Map<string, string>();
    return {
      data,
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
      removeItem: (k: string) => void data.delete(k),
    };
  }

  it('keeps no KS in the stored request URL, no secret field, no secret global', () => {
    const storage = memory();
    const s = createRunnerStore({ key: 'r', storage });
    const form = buildForm(
      step(0, { path: '/service/session/action/start', parameters: [param({ name: 'secret', global: true }), param({ name: 'userId' })] }),
      api,
    );
    s.registerForm(form);
    s.setValue(
      0,
      'secret',
      SECRET,
      form.fields.find((f) => f.name === 'secret'),
    );
    s.setValue(0, 'userId', 'alice');
    const result: ExecuteResult = {
      ok: true,
      status: 200,
      timeMs: 1,
      raw: '"x"',
      json: 'x',
      request: {
        method: 'POST',
        url: `http://127.0.0.1:3000/api_v3/service/session/action/get?format=1&ks=${KS}`,
        secretQueryKeys: ['ks'],
        body: { kind: 'form', fields: [['secret', SECRET]] },
      },
    };
    s.finishRun(0, result, { secret: SECRET, userId: 'alice' });
    const stored = [...storage.data.values()].join('');
    expect(stored).toContain('alice');
    expect(stored).not.toContain(KS);
    expect(stored).not.toContain(SECRET);
  });
});
