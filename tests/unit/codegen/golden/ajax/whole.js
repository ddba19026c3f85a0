// Include the Kaltura JavaScript client library (KalturaClient.min.js) on the page first.
// WARNING: this set-up runs in the browser, so it exposes your admin secret to anyone who
// opens the page. In a real application, create the KS on your server and pass only the KS.
var secret = "YOUR_ADMIN_SECRET";
var userId = "";
var type = 2 /* KalturaSessionType.ADMIN */;
var partnerId = 1000042;
var expiry = 86400;
var config = new KalturaConfiguration();
config.serviceUrl = "http://127.0.0.1:3000";
var client = new KalturaClient(config);

// Executes one request; resolves with its result, rejects with the API error.
function run(request) {
  return new Promise(function(resolve, reject) {
    request.execute(client, function(success, results) {
      if (!success || (results && results.code && results.message)) {
        reject(results);
      } else {
        resolve(results);
      }
    });
  });
}

async function main() {
  var ks = await run(KalturaSessionService.start(secret, userId, type, partnerId, expiry));
  client.setKs(ks);

  // Step 1: uploadToken.add
  var uploadToken = await run(KalturaUploadTokenService.add());
  console.log(uploadToken);

  // Step 2: uploadToken.upload
  var uploadTokenId = uploadToken.id;
  // The <input type="file"> on your page where the user chose the file (the client sends its first file).
  var fileData = document.querySelector('input[type="file"]');
  var resume = false;
  var finalChunk = true;
  var resumeAt = -1;
  var uploadToken2 = await run(KalturaUploadTokenService.upload(uploadTokenId, fileData, resume, finalChunk, resumeAt));
  console.log(uploadToken2);

  // Step 3: media.add
  var entry = {objectType: "KalturaMediaEntry"};
  entry.mediaType = 1 /* KalturaMediaType.VIDEO */;
  entry.name = "Kaltura Logo";
  entry.description = "Uploaded with the recipe console";
  var mediaEntry = await run(KalturaMediaService.add(entry));
  console.log(mediaEntry);

  // Step 4: media.addContent
  var entryId = mediaEntry.id;
  var resource = {objectType: "KalturaUploadedFileTokenResource"};
  resource.token = uploadToken.id;
  var mediaEntry2 = await run(KalturaMediaService.addContent(entryId, resource));
  console.log(mediaEntry2);
}

main().catch(function(err) {
  console.error(err && err.message ? err.message : err);
});
