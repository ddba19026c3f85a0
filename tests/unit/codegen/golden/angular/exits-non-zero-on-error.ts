import { KalturaClient, KalturaSessionType, SessionStartAction, UploadTokenAddAction } from 'kaltura-ngx-client';

// In a component or service that injects `private kaltura: KalturaClient`:
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

    this.kaltura.request(new UploadTokenAddAction())
      .subscribe(
        (result) => console.log(result),
        (error) => console.error(error.message),
      );
  }, (error) => console.error(error.message));
