import { Component } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { KalturaClient, KalturaMediaEntry, KalturaMediaType, KalturaSessionType, KalturaUploadedFileTokenResource, MediaAddAction, MediaAddContentAction, SessionStartAction, UploadTokenAddAction, UploadTokenUploadAction } from 'kaltura-ngx-client';

@Component({ selector: 'app-recipe', template: '<input type="file"> <button (click)="run()">Run</button>' })
export class RecipeComponent {
  constructor(private kaltura: KalturaClient) {}

  async run(): Promise<void> {
    try {
      // WARNING: this set-up runs in the browser, so it exposes your admin secret to anyone who
      // opens the page. In a real application, create the KS on your server and pass only the KS.
      this.kaltura.setOptions({ endpointUrl: "http://127.0.0.1:3000", clientTag: 'recipe-console' });
      const secret = "YOUR_ADMIN_SECRET";
      const userId = "";
      const type = KalturaSessionType.admin;
      const partnerId = 1000042;
      const expiry = 86400;
      const ks = await firstValueFrom(this.kaltura.request(new SessionStartAction({ secret, userId, type, partnerId, expiry })));
      this.kaltura.setDefaultRequestOptions({ ks });

      // Step 1: uploadToken.add
      const uploadToken = await firstValueFrom(this.kaltura.request(new UploadTokenAddAction()));
      console.log(uploadToken);

      // Step 2: uploadToken.upload
      const uploadTokenId = uploadToken.id;
      // The File the user chose in an <input type="file"> of your template.
      const fileData: File = (document.querySelector('input[type="file"]') as HTMLInputElement).files![0];
      const resume = false;
      const finalChunk = true;
      const resumeAt = -1;
      const uploadToken2 = await firstValueFrom(this.kaltura.request(new UploadTokenUploadAction({ uploadTokenId, fileData, resume, finalChunk, resumeAt })));
      console.log(uploadToken2);

      // Step 3: media.add
      const entry = new KalturaMediaEntry();
      entry.mediaType = KalturaMediaType.video;
      entry.name = "Kaltura Logo";
      entry.description = "Uploaded with the recipe console";
      const mediaEntry = await firstValueFrom(this.kaltura.request(new MediaAddAction({ entry })));
      console.log(mediaEntry);

      // Step 4: media.addContent
      const entryId = mediaEntry.id;
      const resource = new KalturaUploadedFileTokenResource();
      resource.token = uploadToken.id;
      const mediaEntry2 = await firstValueFrom(this.kaltura.request(new MediaAddContentAction({ entryId, resource })));
      console.log(mediaEntry2);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
    }
  }
}
