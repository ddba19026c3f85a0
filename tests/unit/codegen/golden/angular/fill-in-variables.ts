import { UploadTokenGetAction } from 'kaltura-ngx-client';

// In a component or service that injects `private kaltura: KalturaClient`:
// FILL IN: uploadTokenId (required, string): no value was given.
const uploadTokenId = "YOUR_UPLOAD_TOKEN_ID";

this.kaltura.request(new UploadTokenGetAction({ uploadTokenId }))
  .subscribe(
    (result) => console.log(result),
    (error) => console.error(error.message),
  );
