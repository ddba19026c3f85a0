/**
 * `npm run sandbox:coverage -- [PATH_OR_URL]...`: which operations of an API description the
 * built-in sandbox answers (hand-written or generic) and which answer SANDBOX_ACTION_NOT_SIMULATED,
 * by shape. Default: RECIPES_API, else the built-in description. `--markdown` prints the table and
 * the list of the rest as docs/sandbox-coverage.md has them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSettings } from '../lib/sandbox/config';
import { ACTIONS, SandboxCore } from '../lib/sandbox/core';
import { systemPartnerOnly } from '../lib/description/kaltura/system-partners';
import { cliApi } from './cli/api';

process.stdout.on('error', () => process.exit(0)); // a closed pipe (`| head`) ends the output
const args = process.argv.slice(2);
const markdown = args.includes('--markdown');
const api = await cliApi(args.filter((a) => !a.startsWith('--')));
const dir = mkdtempSync(join(tmpdir(), 'sandbox-coverage-'));
const log = console.log;
console.log = () => undefined;
const core = await SandboxCore.create(
  readSettings({ NODE_ENV: 'production', SANDBOX_DATA_DIR: dir, SANDBOX_ADMIN_SECRET: 'coverage' }),
  api,
);
console.log = log;
try {
  const ops = api.operations().filter((o) => !o.multirequest && o.action);
  const by = new Map<string, number>();
  const rest: string[] = [];
  const system: string[] = [];
  const SYSTEM = "Kaltura's system partners only";
  for (const op of ops) {
    const how = !core.simulates(op)
      ? 'not simulated'
      : systemPartnerOnly(op, api.document)
        ? SYSTEM
        : ACTIONS[`${op.service}.${op.action}`]
          ? 'hand-written'
          : core.generic.override(op)
            ? 'override'
            : core.generic.shape(op)!.kind;
    by.set(how, (by.get(how) ?? 0) + 1);
    if (how === 'not simulated') rest.push(`${op.service}.${op.action}`);
    if (how === SYSTEM) system.push(`${op.service}.${op.action}`);
  }
  const simulated = ops.length - rest.length;
  const generic = [...by]
    .filter(([k]) => k !== 'not simulated' && k !== 'hand-written' && k !== 'override' && k !== SYSTEM)
    .reduce((n, [, v]) => n + v, 0);
  const byService = (list: string[]) => {
    const services = new Map<string, string[]>();
    for (const r of [...list].sort()) {
      const [s, a] = r.split('.');
      services.set(s!, [...(services.get(s!) ?? []), a!]);
    }
    return [...services].map(([s, actions]) => `- \`${s}\`: ${actions.join(', ')}`);
  };
  const pct = (n: number) => ((n / ops.length) * 100).toFixed(1);
  if (markdown) {
    log(`| | operations | share |\n|---|---|---|`);
    log(`| simulated | ${simulated} | ${pct(simulated)}% |`);
    log(`| by the generic behaviour | ${generic} | ${pct(generic)}% |`);
    log(
      `| by hand-written services and overrides | ${simulated - generic - system.length} | ${pct(simulated - generic - system.length)}% |`,
    );
    log(`| SERVICE_FORBIDDEN, as Kaltura answers every partner (${SYSTEM}) | ${system.length} | ${pct(system.length)}% |`);
    log(`| not simulated | ${rest.length} | ${pct(rest.length)}% |`);
    log(`\n| shape | operations |\n|---|---|`);
    for (const [k, v] of [...by].sort((a, b) => b[1] - a[1])) log(`| ${k} | ${v} |`);
    log(`\nNot simulated (${rest.length}):\n`);
    for (const line of byService(rest)) log(line);
    log(`\n${SYSTEM} (${system.length}):\n`);
    for (const line of byService(system)) log(line);
  } else {
    log(
      `${ops.length} operations: ${simulated} simulated (${pct(simulated)}%), ${generic} of them by the generic behaviour (${pct(generic)}%), ${system.length} SERVICE_FORBIDDEN (${SYSTEM}); ${rest.length} not simulated`,
    );
    for (const [k, v] of [...by].sort((a, b) => b[1] - a[1])) log(`  ${k.padEnd(14)} ${v}`);
  }
} finally {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
}
