/**
 * `npm run sandbox:credentials`: prints the built-in sandbox's partner ID and secrets, read from its
 * data folder (SANDBOX_DATA_DIR, default `.data/`), for recipes and clients that need the admin
 * secret (session.start), with the service URL the running console answers at (written in the data
 * folder at its first request) and a curl command that works as pasted. The server prints the
 * secret only once, when it creates the partner. Works while the console runs; changes nothing.
 *
 *   npm run sandbox:credentials              # human-readable, with a curl command
 *   eval "$(npm run -s sandbox:credentials -- --env)"   # sets SANDBOX_URL, SANDBOX_PARTNER_ID, SANDBOX_ADMIN_SECRET
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readSettings } from '../lib/sandbox/config';
import { CONSOLE_FILE } from '../lib/sandbox/core';
import { readPartner } from '../lib/sandbox/store-sqlite';

const args = process.argv.slice(2).filter((a) => a !== '--');
const unknown = args.filter((a) => a !== '--env');
if (unknown.length) {
  console.error(`Unknown argument ${unknown[0]}. Usage: npm run sandbox:credentials [-- --env]`);
  process.exit(2);
}
const settings = readSettings();
let partner: Awaited<ReturnType<typeof readPartner>>;
try {
  if (settings.storage === 'postgres') {
    // the shared storage: the partner is in the database (SANDBOX_DATABASE_URL)
    const { PgStore } = await import('../lib/sandbox/store-postgres');
    const store = await PgStore.open(settings.databaseUrl!, settings.dataDir);
    try {
      partner = await store.sandboxPartner(settings.partnerId);
    } finally {
      await store.close();
    }
  } else partner = await readPartner(settings.dataDir, settings.partnerId);
} catch (e) {
  console.error(
    `Could not read the sandbox in ${settings.storage === 'postgres' ? 'its PostgreSQL database' : settings.dataDir}: ${(e as Error).message}`,
  );
  process.exit(1);
}
if (!partner) {
  console.error(
    `No sandbox partner in ${settings.dataDir}${settings.partnerId ? ` with ID ${settings.partnerId}` : ''}.\n` +
      'Start the console once (npm start) to create it, or set SANDBOX_DATA_DIR to the folder your console uses.',
  );
  process.exit(1);
}

/** The running console's address, if one serving this data folder has answered a request. */
function runningConsole(): string | undefined {
  try {
    const c = JSON.parse(readFileSync(join(settings.dataDir, CONSOLE_FILE), 'utf8')) as { serviceUrl?: unknown; pid?: unknown };
    if (typeof c.serviceUrl !== 'string' || !/^https?:\/\/[^\s'"]+$/.test(c.serviceUrl) || typeof c.pid !== 'number') return undefined;
    process.kill(c.pid, 0); // throws when that process is gone
    return c.serviceUrl;
  } catch {
    return undefined;
  }
}

const running = runningConsole();
const serviceUrl = running ?? `http://localhost:${process.env.PORT || '3000'}`;
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

if (args.includes('--env')) {
  console.log(
    `export SANDBOX_URL=${q(serviceUrl)}\nexport SANDBOX_PARTNER_ID=${partner.id}\nexport SANDBOX_ADMIN_SECRET=${q(partner.admin_secret)}`,
  );
} else {
  console.log(`Sandbox data:  ${settings.dataDir}
Service URL:   ${serviceUrl}  ${running ? '(the console running now; API under /api_v3/)' : '(no console is running on this data folder now: this is where `npm start` serves it)'}
Partner ID:    ${partner.id}
Admin secret:  ${partner.admin_secret}
User secret:   ${partner.secret}

Start an ADMIN session (prints a KS):
  curl -X POST ${q(`${serviceUrl}/api_v3/service/session/action/start?format=1`)} -d secret=${q(partner.admin_secret)} -d partnerId=${partner.id} -d type=2`);
}
