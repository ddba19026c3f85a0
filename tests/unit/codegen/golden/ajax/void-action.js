// FILL IN: the entryId you gave in step 6 (run that step first, or paste the value here).
var entryId = "YOUR_ENTRY_ID";

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

KalturaSessionService.start(secret, userId, type, partnerId, expiry)
  .execute(client, function(success, ks) {
    if (!success || (ks && ks.code && ks.message)) {
      console.error(ks);
      return;
    }
    client.setKs(ks);

    KalturaMediaService.deleteAction(entryId)
      .execute(client, function(success, results) {
        if (!success || (results && results.code && results.message)) {
          console.error(results);
        } else {
          console.log(results);
        }
      });
  });
