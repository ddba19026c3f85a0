const kaltura = require('kaltura-client');

async function main() {
  // FILL IN: id of step 1's result (run that step first, or paste the value here).
  const uploadTokenId = "YOUR_UPLOAD_TOKEN_ID";

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

  const fileData = "/tmp/clip.mp4"; // path of the file to upload (the client reads it)
  const resume = false;
  const finalChunk = true;
  const resumeAt = -1;
  const result = await kaltura.services.uploadToken.upload(uploadTokenId, fileData, resume, finalChunk, resumeAt).execute(client);
  console.log(JSON.stringify(result, null, 2));
}

main().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
