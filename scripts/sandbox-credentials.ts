/**
 * `npm run sandbox:credentials`: prints the built-in sandbox's partner ID and secrets, read from its
 * data folder (SANDBOX_DATA_DIR, default `.data/`), for recipes and clients that need the admin
 * secret (session.start). The server prints the secret only once, when it creates the partner.
 * Works while the console runs; changes nothing.
 */
import { readSettings } from '../lib/sandbox/config';
import { readPartner } from '../lib/sandbox/store';

const settings = readSettings();
let partner;
try {
  partner = readPartner(settings.dataDir, settings.partnerId);
} catch (e) {
  console.error(`Could not read the sandbox in ${settings.dataDir}: ${(e as Error).message}`);
  process.exit(1);
}
if (!partner) {
  console.error(
    `No sandbox partner in ${settings.dataDir}${settings.partnerId ? ` with ID ${settings.partnerId}` : ''}.\n` +
      'Start the console once (npm start) to create it, or set SANDBOX_DATA_DIR to the folder your console uses.',
  );
  process.exit(1);
}
const port = process.env.PORT || '3000';
console.log(`Sandbox data:  ${settings.dataDir}
Service URL:   http://localhost:${port}  (the console's own address; API under /api_v3/)
Partner ID:    ${partner.id}
Admin secret:  ${partner.admin_secret}
User secret:   ${partner.secret}`);
