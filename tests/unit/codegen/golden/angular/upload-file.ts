import { KalturaClient, KalturaSessionType, SessionStartAction, UploadTokenUploadAction } from 'kaltura-ngx-client';

// In a component or service that injects `private kaltura: KalturaClient`:
// FILL IN: id of step 1's result (run that step first, or paste the value here).
const uploadTokenId = "YOUR_UPLOAD_TOKEN_ID";

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

    // The File the user chose in an <input type="file"> of your template.
    const fileData: File = (document.querySelector('input[type="file"]') as HTMLInputElement).files![0];
    const resume = false;
    const finalChunk = true;
    const resumeAt = -1;
    this.kaltura.request(new UploadTokenUploadAction({ uploadTokenId, fileData, resume, finalChunk, resumeAt }))
      .subscribe(
        (result) => console.log(result),
        (error) => console.error(error.message),
      );
  }, (error) => console.error(error.message));
