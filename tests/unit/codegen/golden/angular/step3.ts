import { KalturaMediaEntry, KalturaMediaType, MediaAddAction } from 'kaltura-ngx-client';

// In a component or service that injects `private kaltura: KalturaClient`:
const entry = new KalturaMediaEntry();
entry.mediaType = KalturaMediaType.video;
entry.name = "Kaltura Logo";
entry.description = "Uploaded with the recipe console";
this.kaltura.request(new MediaAddAction({ entry }))
  .subscribe(
    (result) => console.log(result),
    (error) => console.error(error.message),
  );
