// FILL IN: id of step 1's result (run that step first, or paste the value here).
var id = "YOUR_ID";
// FILL IN: token of step 1's result (run that step first, or paste the value here).
var token = "YOUR_TOKEN";

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

    (async function() {
      // tokenHash: the SHA-256 of the KS this call is made with followed by the token, in hexadecimal (what appToken.startSession checks).
      // SHA-256 is the token's hashType here; hash with the token's own hashType if it has another.
      var tokenHash = Array.prototype.map.call(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(client.getKs() + token))), function(b) {
        return ('0' + b.toString(16)).slice(-2);
      }).join('');
      var userId2 = "visitor-1001";
      var type2 = 0 /* KalturaSessionType.USER */;
      var expiry2 = 600;
      KalturaAppTokenService.startSession(id, tokenHash, userId2, type2, expiry2)
        .execute(client, function(success, results) {
          if (!success || (results && results.code && results.message)) {
            console.error(results);
          } else {
            console.log(results);
          }
        });
    })().catch(function(err) {
      console.error(err);
    });
  });
