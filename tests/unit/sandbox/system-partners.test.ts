/**
 * Operations Kaltura grants only to its own system partners (batch workers, the admin console,
 * media servers: lib/description/kaltura/system-partners.ts) answer SERVICE_FORBIDDEN to every
 * session of a sandbox partner, as Kaltura answers a customer partner: with an ADMIN, a USER or no
 * KS, alone or in a multirequest, making nothing; a KS that does not validate is still INVALID_KS
 * first. The table names operations of the published description (no misspelt one matching
 * nothing), the OTT API is not checked, and the served description flags them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDescription, type Operation } from '@/lib/description';
import { parseRecipe } from '@/lib/recipe';
import { SYSTEM_PARTNER_NOTE, systemPartnerOnly, systemPartnerOperations } from '@/lib/description/kaltura/system-partners';
import { systemPartnerForbidden } from '@/lib/sandbox/core';
import { servedDocument } from '@/lib/sandbox/http';
import { SESSION_USER } from '@/lib/sandbox/ks';
import { sharedFile } from '../../helpers/shared';
import { isError, ok, publishedSandbox } from './published-sandbox';

type Json = any;

const sb = publishedSandbox("operations of Kaltura's system partners over the published description", 4337);
const { present, desc, call } = sb;
const alice = sb.ks(SESSION_USER, 'alice');
const ott = sharedFile('reference/kaltura-ott.3.6.287.openapi.json', 'the OTT description is not checked against the table');

describe('systemPartnerOnly', () => {
  it('matches service and action up to case, nothing else', () => {
    expect(systemPartnerOnly({ service: 'jobs', action: 'getImportStatus' })).toBe(true);
    expect(systemPartnerOnly({ service: 'JOBS', action: 'getimportstatus' })).toBe(true);
    expect(systemPartnerOnly({ service: 'systemPartner', action: 'getUsage' })).toBe(true);
    // a partner's own action of a service that has system-only ones
    expect(systemPartnerOnly({ service: 'dropFolder', action: 'list' })).toBe(false);
    expect(systemPartnerOnly({ service: 'storageProfile', action: 'list' })).toBe(false);
    expect(systemPartnerOnly({ service: 'media', action: 'list' })).toBe(false);
    expect(systemPartnerOnly({ service: 'nosuch', action: 'getImportStatus' })).toBe(false);
  });

  it('does not apply to the OTT API (services of the same names, other rules)', () => {
    const doc = { info: { title: 'Kaltura OTT', version: '3.6' } };
    expect(systemPartnerOnly({ service: 'drmProfile', action: 'list' }, doc)).toBe(false);
    expect(systemPartnerOnly({ service: 'drmProfile', action: 'list' }, { info: { title: 'Kaltura VPaaS' } })).toBe(true);
  });

  it.skipIf(!ott.present)('the OTT description: none of its operations is refused', () => {
    const doc = JSON.parse(readFileSync(ott.path, 'utf8'));
    const ops = Object.values(doc.paths as Json).flatMap((item: Json) =>
      Object.values(item).flatMap((o: Json) => (typeof o?.operationId === 'string' ? [o.operationId as string] : [])),
    );
    const named = ops.map((id) => ({ service: id.split('.')[0]!, action: id.split('.')[1] ?? '' }));
    expect(named.length).toBeGreaterThan(100);
    // drmProfile.list is both APIs' operation: the VPaaS one is Kaltura's admin console's, the OTT one is not
    expect(named.filter((o) => systemPartnerOnly(o))).not.toEqual([]);
    expect(named.filter((o) => systemPartnerOnly(o, doc))).toEqual([]);
  });

  it("answers Kaltura's code and message, then why an account will not help", () => {
    const e = systemPartnerForbidden({
      service: 'metadataBatch',
      serviceId: 'metadata_metadatabatch',
      action: 'getTransformMetadataObjects',
    } as Operation);
    expect(e.code).toBe('SERVICE_FORBIDDEN');
    expect(e.args).toEqual({ SERVICE: 'metadata_metadatabatch->getTransformMetadataObjects' });
    expect(e.message).toBe(
      `The access to service [metadata_metadatabatch->getTransformMetadataObjects] is forbidden. ${SYSTEM_PARTNER_NOTE}`,
    );
  });
});

describe.skipIf(!present)("operations of Kaltura's system partners, over the published description", () => {
  const tableOps = (): Operation[] => desc!.operations().filter((o) => !o.multirequest && systemPartnerOnly(o, desc!.document));

  it('the table names operations of the published description, every one', () => {
    const published = new Set(desc!.operations().map((o) => `${o.service}.${o.action}`.toLowerCase()));
    expect(systemPartnerOperations().filter((o) => !published.has(o))).toEqual([]);
    expect(tableOps().length).toBe(systemPartnerOperations().length);
    expect(tableOps().length).toBeGreaterThan(200);
  });

  it('every one answers SERVICE_FORBIDDEN to an ADMIN, a USER and no session, naming the service and action', async () => {
    const wrong: string[] = [];
    for (const op of tableOps()) {
      for (const ks of [sb.admin, alice, null]) {
        const r = await call(op.service, op.action, {}, ks);
        const want = `${(op.serviceId ?? op.service).toLowerCase()}->${op.action}`;
        if (!isError(r) || r.code !== 'SERVICE_FORBIDDEN' || r.args.SERVICE !== want)
          wrong.push(
            `${op.service}.${op.action} (${ks === null ? 'no KS' : ks === alice ? 'USER' : 'ADMIN'}): ${JSON.stringify(r).slice(0, 120)}`,
          );
      }
    }
    expect(wrong).toEqual([]);
    expect(sb.core.simulates(desc!.operationByName('jobs', 'getImportStatus')!)).toBe(true);
  }, 60_000);

  it('a KS that does not validate is INVALID_KS first; a refused add makes nothing', async () => {
    expect((await call('batch', 'getExclusiveJobs', {}, 'not-a-ks')).code).toBe('INVALID_KS');
    const drm = { drmProfile: { objectType: 'KalturaDrmProfile', name: 'made by a partner?', provider: '1' } };
    expect((await call('drmProfile', 'add', drm)).code).toBe('SERVICE_FORBIDDEN');
    // Kaltura's admin console sees the partner's DRM profiles: none was made
    expect(ok(await sb.asKaltura('drmProfile', 'list', {}), 'list as Kaltura').totalCount).toBe(0);
    const made = ok(await sb.asKaltura('drmProfile', 'add', drm), 'add as Kaltura');
    expect((await call('drmProfile', 'get', { id: made.id })).code).toBe('SERVICE_FORBIDDEN');
  });

  it("in a multirequest, the refused call answers its error and the partner's calls run", async () => {
    const r = (await call('multirequest', '', {
      '1': { service: 'jobs', action: 'getImportStatus', jobId: 1 },
      '2': { service: 'storageProfile', action: 'list' },
      '3': { service: 'systemPartner', action: 'getUsage' },
    })) as Json[];
    expect(r[0]).toMatchObject({ objectType: 'KalturaAPIException', code: 'SERVICE_FORBIDDEN' });
    expect(r[1]).toMatchObject({ objectType: 'KalturaStorageProfileListResponse', totalCount: 0 });
    expect(r[2]).toMatchObject({ objectType: 'KalturaAPIException', code: 'SERVICE_FORBIDDEN' });
  });

  it('recipe lint warns of a step that calls one, by either spelling of its service; the OTT API is not checked', () => {
    const recipe = (path: string) => `# R\n\n## Step 1\n\n### API Call\n\n\`\`\`json\n{ "path": "${path}" }\n\`\`\`\n`;
    const warned = (path: string, api = desc!) =>
      parseRecipe(recipe(path), { api })
        .diagnostics.filter((d) => d.rule === 'system-partner-operation')
        .map((d) => `${d.severity} ${d.line}`);
    expect(warned('/service/drm_drmprofile/action/list')).toEqual(['warning 8']);
    expect(warned('/service/jobs/action/getImportStatus')).toEqual(['warning 8']);
    expect(warned('/service/dropfolder_dropfolder/action/list')).toEqual([]);
    // without a description: the URL's `{plugin}_{service}` names the service
    expect(parseRecipe(recipe('/service/drm_drmprofile/action/add')).diagnostics.map((d) => d.rule)).toEqual(['system-partner-operation']);
    if (ott.present) {
      const ottApi = createDescription(JSON.parse(readFileSync(ott.path, 'utf8')));
      expect(warned('/service/drmprofile/action/list', ottApi)).toEqual([]);
    }
  });

  it('the served description flags them, and counts them as answered', () => {
    const doc = servedDocument(sb.core) as Json;
    expect(doc.paths['/service/jobs/action/getImportStatus'].post).toMatchObject({
      'x-sandbox-simulated': true,
      'x-sandbox-system-partners-only': true,
    });
    const list = doc.paths['/service/storageprofile/action/list'].post;
    expect(list['x-sandbox-system-partners-only']).toBeUndefined();
    expect(list['x-sandbox-simulated']).toBe(true);
  });
});
