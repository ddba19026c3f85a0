import { Component } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { KalturaClient, KalturaEntryStatus, KalturaFilterPager, KalturaMediaEntry, KalturaMediaEntryFilter, KalturaMediaEntryOrderBy, KalturaSessionType, MediaDeleteAction, MediaGetAction, MediaListAction, MediaUpdateAction, SessionStartAction } from 'kaltura-ngx-client';

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

      // Step 1: session.start
      const secret2 = "YOUR_ADMIN_SECRET";
      const userId2 = "";
      const type2 = KalturaSessionType.admin;
      const partnerId2 = 1000042;
      const expiry2 = 3600;
      const ks2 = await firstValueFrom(this.kaltura.request(new SessionStartAction({ secret: secret2, userId: userId2, type: type2, partnerId: partnerId2, expiry: expiry2 })));
      console.log(ks2);

      // Step 2: media.list
      const pager = new KalturaFilterPager();
      pager.pageSize = 5;
      pager.pageIndex = 1;
      const mediaListResponse = await firstValueFrom(this.kaltura.request(new MediaListAction({ pager })));
      console.log(mediaListResponse);

      // Step 3: media.list
      const filter = new KalturaMediaEntryFilter();
      filter.nameLike = "Kaltura";
      filter.statusEqual = KalturaEntryStatus.ready;
      filter.orderBy = KalturaMediaEntryOrderBy.createdAtDesc.toString();
      const pager2 = new KalturaFilterPager();
      pager2.pageSize = 1;
      const mediaListResponse2 = await firstValueFrom(this.kaltura.request(new MediaListAction({ filter, pager: pager2 })));
      console.log(mediaListResponse2);

      // Step 5: media.get
      const entryId = mediaListResponse2.objects[0].id;
      const version = 0;
      const mediaEntry = await firstValueFrom(this.kaltura.request(new MediaGetAction({ entryId, version })));
      console.log(mediaEntry);

      // Step 6: media.update
      const entryId2 = entryId;
      const mediaEntry2 = new KalturaMediaEntry();
      mediaEntry2.name = "Renamed";
      mediaEntry2.tags = "a,b";
      const mediaEntry3 = await firstValueFrom(this.kaltura.request(new MediaUpdateAction({ entryId: entryId2, mediaEntry: mediaEntry2 })));
      console.log(mediaEntry3);

      // Step 7: media.delete
      const entryId3 = entryId2;
      const result = await firstValueFrom(this.kaltura.request(new MediaDeleteAction({ entryId: entryId3 })));
      console.log(result);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
    }
  }
}
