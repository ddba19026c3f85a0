/**
 * The sandbox follows the console's API description: with RECIPES_API naming Kaltura's published
 * description (../shared/reference, skipped loudly when absent) the server's sandbox answers its
 * operations (a plugin service of the published document, by both spellings), says which it does
 * not simulate (the error, and `x-sandbox-simulated` in the served /api_v3/openapi.json); with the
 * built-in description every operation is simulated.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../helpers/server';
import { REFERENCE_REL, sharedFile } from '../../helpers/shared';
import { adminKs, call, startSandbox, type Json } from './harness';

const { path, present } = sharedFile(REFERENCE_REL, 'the sandbox following the published description (RECIPES_API)');
const servers: TestServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.dispose();
});

describe("the sandbox follows the server's API description", () => {
  it('built-in: every operation of the served description is simulated', async () => {
    const s = await startSandbox();
    servers.push(s);
    const doc: Json = await (await fetch(`${s.url}/api_v3/openapi.json`)).json();
    const flags = Object.values(doc.paths).flatMap((item: Json) => Object.values(item).map((op: Json) => op['x-sandbox-simulated']));
    expect(flags.length).toBeGreaterThan(70);
    expect(flags.every((f) => f === true)).toBe(true);
    expect(doc['x-sandbox-simulated-count']).toEqual({ simulated: flags.length, operations: flags.length });
  });

  it.skipIf(!present)(
    'RECIPES_API = the published description: its operations, flagged; the rest says how to reach them',
    async () => {
      const s = await startSandbox({ env: { RECIPES_API: path } });
      servers.push(s);
      const ks = await adminKs(s.url);
      const doc: Json = await (await fetch(`${s.url}/api_v3/openapi.json`)).json();
      expect(doc.swagger).toBe('2.0');
      expect(doc.paths['/service/flavorparams/action/add'].post['x-sandbox-simulated']).toBe(true);
      expect(doc.paths['/service/report/action/getTotal'].post['x-sandbox-simulated']).toBe(false);
      expect(doc['x-sandbox-simulated-count'].simulated / doc['x-sandbox-simulated-count'].operations).toBeGreaterThan(0.6);

      // a service only the published description has, by its URL name and by its client name
      const added = await call(s.url, 'flavorparams', 'add', {
        ks,
        'flavorParams:objectType': 'KalturaFlavorParams',
        'flavorParams:name': 'HD',
        'flavorParams:videoBitrate': 2500,
      });
      expect(added).toMatchObject({ objectType: 'KalturaFlavorParams', name: 'HD', videoBitrate: 2500 });
      expect((await call(s.url, 'flavorParams', 'get', { ks, id: added.id })).name).toBe('HD');
      const schedule = await call(s.url, 'schedule_scheduleevent', 'list', { ks });
      expect(schedule).toMatchObject({ totalCount: 0, objects: [] });

      const no = await call(s.url, 'report', 'getTotal', {
        ks,
        reportType: '1',
        'reportInputFilter:objectType': 'KalturaReportInputFilter',
      });
      expect(no.code).toBe('SANDBOX_ACTION_NOT_SIMULATED');
      expect(no.message).toContain('connect a Kaltura endpoint');
      expect((await call(s.url, 'report', 'nosuch', { ks })).code).toBe('ACTION_DOES_NOT_EXISTS');

      // what Kaltura grants only to its own system partners: SERVICE_FORBIDDEN, flagged in the served
      // description; nothing a request says makes it Kaltura's admin console
      expect(doc.paths['/service/jobs/action/getImportStatus'].post['x-sandbox-system-partners-only']).toBe(true);
      for (const extra of [{}, { asKaltura: 1, system: 'true', partnerId: -2 }, { 'ks:partnerId': -2 }]) {
        const refused = await call(s.url, 'systempartner_systempartner', 'list', { ks, ...extra });
        expect(refused.code).toBe('SERVICE_FORBIDDEN');
        expect(refused.message).toContain('only to its own system partners');
      }
    },
    120_000,
  );
});
