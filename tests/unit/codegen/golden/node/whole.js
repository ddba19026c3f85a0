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

  // Step 1: uploadToken.add
  const uploadToken = await kaltura.services.uploadToken.add().execute(client);
  console.log(JSON.stringify(uploadToken, null, 2));

  // Step 2: uploadToken.upload
  const uploadTokenId = uploadToken.id;
  const fileData = "/tmp/Kaltura_Logo_Animation.flv"; // path of the file to upload (the client reads it)
  const resume = false;
  const finalChunk = true;
  const resumeAt = -1;
  const uploadToken2 = await kaltura.services.uploadToken.upload(uploadTokenId, fileData, resume, finalChunk, resumeAt).execute(client);
  console.log(JSON.stringify(uploadToken2, null, 2));

  // Step 3: media.add
  const entry = new kaltura.objects.MediaEntry();
  entry.mediaType = kaltura.enums.MediaType.VIDEO;
  entry.name = "Kaltura Logo";
  entry.description = "Uploaded with the recipe console";
  const mediaEntry = await kaltura.services.media.add(entry).execute(client);
  console.log(JSON.stringify(mediaEntry, null, 2));

  // Step 4: media.addContent
  const entryId = mediaEntry.id;
  const resource = new kaltura.objects.UploadedFileTokenResource();
  resource.token = uploadToken.id;
  const mediaEntry2 = await kaltura.services.media.addContent(entryId, resource).execute(client);
  console.log(JSON.stringify(mediaEntry2, null, 2));
}

main().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
