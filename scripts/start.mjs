#!/usr/bin/env node
// `npm start`: builds the console if there is no build yet, then serves it (PORT, default 3000).
import { existsSync } from 'node:fs';
import { spawnSync, spawn } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const distDir = env.NEXT_DIST_DIR || '.next';
const next = join(root, 'node_modules/.bin/next');

if (!existsSync(join(root, distDir, 'BUILD_ID'))) {
  console.log('No build yet: building the console once (about a minute)...');
  const r = spawnSync(next, ['build'], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const port = env.PORT || '3000';
const child = spawn(next, ['start', '-p', port], { cwd: root, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
