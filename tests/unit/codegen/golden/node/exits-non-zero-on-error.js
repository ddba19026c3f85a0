const kaltura = require('kaltura-client');

async function main() {
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

  const result = await kaltura.services.uploadToken.add().execute(client);
  console.log(JSON.stringify(result, null, 2));
}

main().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
