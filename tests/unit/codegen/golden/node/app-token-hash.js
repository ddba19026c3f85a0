const kaltura = require('kaltura-client');

async function main() {
  // FILL IN: id of step 1's result (run that step first, or paste the value here).
  const id = "YOUR_ID";
  // FILL IN: token of step 1's result (run that step first, or paste the value here).
  const token = "YOUR_TOKEN";

  const config = new kaltura.Configuration();
  config.serviceUrl = "http://127.0.0.1:3000";
  // A silent logger: the default one prints every request, the admin secret included.
  config.setLogger({ log() {}, debug() {}, error() {} });
  const client = new kaltura.Client(config);

  const secret = "YOUR_ADMIN_SECRET";
  const userId = "";
  const type = kaltura.enums.SessionType.ADMIN;
  const partnerId = 1000042;
  const expiry = 86400;
  const ks = await kaltura.services.session.start(secret, userId, type, partnerId, expiry).execute(client);
  client.setKs(ks);

  // tokenHash: the SHA-256 of the KS this call is made with followed by the token, in hexadecimal (what appToken.startSession checks).
  // SHA-256 is the token's hashType here; hash with the token's own hashType if it has another.
  const tokenHash = require('crypto').createHash('sha256').update(client.getKs() + token).digest('hex');
  const userId2 = "visitor-1001";
  const type2 = kaltura.enums.SessionType.USER;
  const expiry2 = 600;
  const result = await kaltura.services.appToken.startSession(id, tokenHash, userId2, type2, expiry2).execute(client);
  console.log(JSON.stringify(result, null, 2));
}

main().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
