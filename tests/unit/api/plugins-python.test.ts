/**
 * The plugin of every class and enum of the built-in description (ApiDescription.pluginOf) is the
 * one Kaltura's Python client puts it in (KalturaClient/Plugins/<Plugin>.py, Core.py for the core):
 * python and php imports follow it. Checked against the client's own files, extracted at test time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getKalturaDescription } from '@/lib/description';
import { sharedFile } from '../../helpers/shared';

const tarball = sharedFile('clients/Python.tar.gz', "the built-in description's plugins against Kaltura's Python client");
const dir = mkdtempSync(join(tmpdir(), 'python-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!tarball.present)('plugins of the built-in description', () => {
  it('match the Python client file of every class and enum', () => {
    execFileSync('tar', ['xzf', tarball.path, '-C', dir]);
    const plugins = join(dir, 'KalturaClient/Plugins');
    const owner = new Map<string, string>();
    for (const f of readdirSync(plugins).filter((x) => x.endsWith('.py'))) {
      for (const m of readFileSync(join(plugins, f), 'utf8').matchAll(/^class (Kaltura\w+)\(/gm))
        if (!owner.has(m[1]!)) owner.set(m[1]!, f.slice(0, -3));
    }
    const api = getKalturaDescription();
    const names = [...api.classes!().map((c) => c.name), ...api.enums!().map((e) => e.name)];
    const wrong: string[] = [];
    for (const n of names) {
      const file = owner.get(n);
      if (!file) continue; // not a client class (the description's own helpers)
      const want = file === 'Core' ? 'core' : file.toLowerCase();
      const got = (api.pluginOf!(n) ?? 'core').toLowerCase();
      if (got !== want) wrong.push(`${n}: ${got}, the client: ${file}`);
    }
    expect(wrong).toEqual([]);
    expect(names.filter((n) => owner.has(n)).length).toBeGreaterThan(150);
  });
});
