const kaltura = require('kaltura-client');

async function main() {
  // FILL IN: id of step 4's result (run that step first, or paste the value here).
  const id = "YOUR_ID";
  // FILL IN: id of step 2's result (run that step first, or paste the value here).
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

  const contentResource = new kaltura.objects.UploadedFileTokenResource();
  contentResource.token = token;
  const result = await kaltura.services.captionAsset.setContent(id, contentResource).execute(client);
  console.log(JSON.stringify(result, null, 2));
}

main().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
