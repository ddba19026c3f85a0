/**
 * The one entry space (issue 14): baseEntry.list over media entries (the hand-written media table)
 * and playlists (generic objects) together, against the same list over media entries alone, in the
 * same run, in process (SandboxCore.call). Needs Kaltura's published description (../shared or
 * SHARED_DIR; the built-in one has no playlist service): without it, it says so and stops.
 *
 * 10,000 media entries and 10,000 playlists (BENCH_N of each); each figure is p50 / p95 of 40 calls
 * of baseEntry.list, pageSize 30, orderBy -createdAt, at page 1, page 33 and page 333 (the last
 * within the first 10,000 matches): both kinds merged (no type filter) vs media only
 * (typeEqual=1, the media table's own query).
 *
 *   npm run bench -- sandbox-entries
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDescription } from '../../lib/description';
import { readSettings } from '../../lib/sandbox/config';
import { SandboxCore } from '../../lib/sandbox/core';
import { buildKs, SESSION_ADMIN } from '../../lib/sandbox/ks';
import type { ParamTree } from '../../lib/sandbox/params';
import { quantile } from './stats';

const N = Number(process.env.BENCH_N || 10_000);
const CALLS = 40;
const SECRET = 'bench-entries-secret';
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
const fmt = (n: number, d = 1) => n.toFixed(d);
type Json = any;

async function main(): Promise<void> {
  const shared = resolve(process.env.SHARED_DIR || join(import.meta.dirname, '../../../shared'));
  const reference = join(shared, 'reference/kaltura.19_4_0.openapi.json');
  if (!existsSync(reference)) {
    console.log(`SKIPPED: ${reference} is absent (Kaltura's published description; set SHARED_DIR)`);
    return;
  }
  console.log(`load average before: ${load()}`);
  console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}; ${N} media entries + ${N} playlists`);
  const dir = mkdtempSync(join(tmpdir(), 'bench-entries-'));
  const log = console.log;
  console.log = () => undefined;
  const core = await SandboxCore.create(
    readSettings({ NODE_ENV: 'production', SANDBOX_DATA_DIR: dir, SANDBOX_ADMIN_SECRET: SECRET, SANDBOX_PARTNER_ID: '778' }),
    createDescription(JSON.parse(readFileSync(reference, 'utf8'))),
  );
  console.log = log;
  try {
    const ks = buildKs(SECRET, {
      partnerId: 778,
      type: SESSION_ADMIN,
      userId: 'bench',
      expiry: Math.floor(Date.now() / 1000) + 86400,
      privileges: new Map(),
    });
    const call = async (service: string, action: string, params: Json): Promise<Json> => {
      const r = (await core.call({ service, action, params: { ...params, ks } as ParamTree, baseUrl: 'http://bench' })) as Json;
      if (r && r.objectType === 'KalturaAPIException') throw new Error(`${service}.${action}: ${r.code} ${r.message}`);
      return r;
    };
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      await call('media', 'add', { entry: { objectType: 'KalturaMediaEntry', mediaType: 1, name: `m${i}` } });
      await call('playlist', 'add', { playlist: { objectType: 'KalturaPlaylist', name: `p${i}`, playlistType: 3, playlistContent: '' } });
    }
    console.log(`${2 * N} entries added in ${fmt((performance.now() - t0) / 1000)} s`);

    const time = async (filter: Json, pageIndex: number, expectTotal: number) => {
      const times: number[] = [];
      for (let i = 0; i < CALLS; i++) {
        const s = performance.now();
        const r = await call('baseEntry', 'list', {
          filter: { objectType: 'KalturaBaseEntryFilter', orderBy: '-createdAt', ...filter },
          pager: { objectType: 'KalturaFilterPager', pageSize: 30, pageIndex },
        });
        times.push(performance.now() - s);
        if (r.totalCount !== expectTotal || r.objects.length !== 30)
          throw new Error(`page ${pageIndex}: ${r.totalCount} / ${r.objects.length}`);
      }
      return { p50: quantile(times, 0.5), p95: quantile(times, 0.95) };
    };
    // the first page, one a tenth in, and the last full page of media entries within the first 10,000 matches
    for (const page of [1, Math.max(2, Math.floor(N / 300)), Math.floor(Math.min(N, 9990) / 30)]) {
      const both = await time({}, page, 2 * N);
      const media = await time({ typeEqual: '1' }, page, N);
      console.log(
        `page ${String(page).padStart(3)}: both kinds merged p50 ${fmt(both.p50)} ms (p95 ${fmt(both.p95)})   media only p50 ${fmt(media.p50)} ms (p95 ${fmt(media.p95)})   ratio ${fmt(both.p50 / media.p50, 2)}`,
      );
    }
    console.log(`load average after: ${load()}`);
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
