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

  // Step 1: session.start
  var secret2 = "YOUR_ADMIN_SECRET";
  var userId2 = "";
  var type2 = 2 /* KalturaSessionType.ADMIN */;
  var partnerId2 = 1000042;
  var expiry2 = 3600;
  var ks2 = await run(KalturaSessionService.start(secret2, userId2, type2, partnerId2, expiry2));
  console.log(ks2);

  // Step 2: media.list
  var filter = null;
  var pager = {objectType: "KalturaFilterPager"};
  pager.pageSize = 5;
  pager.pageIndex = 1;
  var mediaListResponse = await run(KalturaMediaService.listAction(filter, pager));
  console.log(mediaListResponse);

  // Step 3: media.list
  var filter2 = {objectType: "KalturaMediaEntryFilter"};
  filter2.nameLike = "Kaltura";
  filter2.statusEqual = "2" /* KalturaEntryStatus.READY */;
  filter2.orderBy = "-createdAt" /* KalturaMediaEntryOrderBy.CREATED_AT_DESC */;
  var pager2 = {objectType: "KalturaFilterPager"};
  pager2.pageSize = 1;
  var mediaListResponse2 = await run(KalturaMediaService.listAction(filter2, pager2));
  console.log(mediaListResponse2);

  // Step 5: media.get
  var entryId = mediaListResponse2.objects[0].id;
  var version = 0;
  var mediaEntry = await run(KalturaMediaService.get(entryId, version));
  console.log(mediaEntry);

  // Step 6: media.update
  var entryId2 = entryId;
  var mediaEntry2 = {objectType: "KalturaMediaEntry"};
  mediaEntry2.name = "Renamed";
  mediaEntry2.tags = "a,b";
  var mediaEntry3 = await run(KalturaMediaService.update(entryId2, mediaEntry2));
  console.log(mediaEntry3);

  // Step 7: media.delete
  var entryId3 = entryId2;
  var result = await run(KalturaMediaService.deleteAction(entryId3));
  console.log(result);
}

main().catch(function(err) {
  console.error(err && err.message ? err.message : err);
});
