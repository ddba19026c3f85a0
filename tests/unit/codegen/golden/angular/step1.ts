import { UploadTokenAddAction } from 'kaltura-ngx-client';

// In a component or service that injects `private kaltura: KalturaClient`:
this.kaltura.request(new UploadTokenAddAction())
  .subscribe(
    (result) => console.log(result),
    (error) => console.error(error.message),
  );
