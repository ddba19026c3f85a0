import { AppTokenStartSessionAction, KalturaClient, KalturaSessionType, SessionStartAction } from 'kaltura-ngx-client';

// In a component or service that injects `private kaltura: KalturaClient`:
// FILL IN: id of step 1's result (run that step first, or paste the value here).
const id = "YOUR_ID";
// FILL IN: token of step 1's result (run that step first, or paste the value here).
const token = "YOUR_TOKEN";

// WARNING: this set-up runs in the browser, so it exposes your admin secret to anyone who
// opens the page. In a real application, create the KS on your server and pass only the KS.
this.kaltura.setOptions({ endpointUrl: "http://127.0.0.1:3000", clientTag: 'recipe-console' });
const secret = "YOUR_ADMIN_SECRET";
const userId = "";
const type = KalturaSessionType.admin;
const partnerId = 1000042;
const expiry = 86400;
this.kaltura.request(new SessionStartAction({ secret, userId, type, partnerId, expiry }))
  .subscribe((ks) => {
    this.kaltura.setDefaultRequestOptions({ ks });

    (async () => {
      // tokenHash: the SHA-256 of the KS this call is made with followed by the token, in hexadecimal (what appToken.startSession checks).
      // SHA-256 is the token's hashType here; hash with the token's own hashType if it has another.
      const tokenHash = Array.from(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(ks + token))))
        .map((b) => b.toString(16).padStart(2, '0')).join('');
      const userId2 = "visitor-1001";
      const type2 = KalturaSessionType.user;
      const expiry2 = 600;
      this.kaltura.request(new AppTokenStartSessionAction({ id, tokenHash, userId: userId2, type: type2, expiry: expiry2 }))
        .subscribe(
          (result) => console.log(result),
          (error) => console.error(error.message),
        );
    })().catch((error) => console.error(error));
  }, (error) => console.error(error.message));
