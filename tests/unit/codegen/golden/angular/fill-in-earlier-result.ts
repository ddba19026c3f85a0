import { KalturaUploadedFileTokenResource, MediaAddContentAction } from 'kaltura-ngx-client';

// In a component or service that injects `private kaltura: KalturaClient`:
// FILL IN: id of step 3's result (run that step first, or paste the value here).
const entryId = "YOUR_ENTRY_ID";
// FILL IN: id of step 1's result (run that step first, or paste the value here).
const token = "YOUR_TOKEN";

const resource = new KalturaUploadedFileTokenResource();
resource.token = token;
this.kaltura.request(new MediaAddContentAction({ entryId, resource }))
  .subscribe(
    (result) => console.log(result),
    (error) => console.error(error.message),
  );
