import { KalturaUploadedFileTokenResource, MediaAddContentAction } from 'kaltura-ngx-client';

// In a component or service that injects `private kaltura: KalturaClient`:
const entryId = "0_abcd1234";
const resource = new KalturaUploadedFileTokenResource();
resource.token = "0_0123456789abcdef0123456789abcdef";
this.kaltura.request(new MediaAddContentAction({ entryId, resource }))
  .subscribe(
    (result) => console.log(result),
    (error) => console.error(error.message),
  );
