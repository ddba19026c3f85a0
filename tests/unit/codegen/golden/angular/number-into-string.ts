import { Component } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { CategoryAddAction, CategoryEntryAddAction, KalturaAppearInListType, KalturaCategory, KalturaCategoryEntry, KalturaClient, KalturaFilterPager, KalturaMediaEntryFilter, KalturaMediaEntryOrderBy, KalturaMediaType, KalturaMetadataFilter, KalturaMetadataObjectType, KalturaMetadataProfile, KalturaMetadataProfileCreateMode, KalturaPrivacyType, KalturaSessionType, MediaListAction, MetadataAddAction, MetadataListAction, MetadataProfileAddAction, SessionStartAction } from 'kaltura-ngx-client';

@Component({ selector: 'app-recipe', template: '<input type="file"> <button (click)="run()">Run</button>' })
export class RecipeComponent {
  constructor(private kaltura: KalturaClient) {}

  async run(): Promise<void> {
    try {
      // FILL IN: objectId (required, string): no value was given.
      const objectId = "YOUR_OBJECT_ID";

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

      // Step 1: metadataProfile.add
      const metadataProfile = new KalturaMetadataProfile();
      metadataProfile.metadataObjectType = KalturaMetadataObjectType.entry;
      metadataProfile.name = "Production details";
      metadataProfile.systemName = "production_details";
      metadataProfile.createMode = KalturaMetadataProfileCreateMode.api;
      const xsdData = "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><xsd:element name=\"metadata\"><xsd:complexType><xsd:sequence><xsd:element name=\"Director\" type=\"xsd:string\"/></xsd:sequence></xsd:complexType></xsd:element></xsd:schema>";
      const metadataProfile2 = await firstValueFrom(this.kaltura.request(new MetadataProfileAddAction({ metadataProfile, xsdData })));
      console.log(metadataProfile2);

      // Step 2: metadata.add
      const metadataProfileId = metadataProfile2.id;
      const objectType = KalturaMetadataObjectType.entry;
      const xmlData = "<metadata><Director>Ada Lovelace</Director></metadata>";
      const metadata = await firstValueFrom(this.kaltura.request(new MetadataAddAction({ metadataProfileId, objectType, objectId, xmlData })));
      console.log(metadata);

      // Step 3: metadata.list
      const filter = new KalturaMetadataFilter();
      filter.metadataProfileIdEqual = metadataProfile2.id;
      filter.metadataObjectTypeEqual = KalturaMetadataObjectType.entry;
      filter.objectIdEqual = objectId;
      const metadataListResponse = await firstValueFrom(this.kaltura.request(new MetadataListAction({ filter })));
      console.log(metadataListResponse);

      // Step 4: category.add
      const category = new KalturaCategory();
      category.name = "Conference 2026";
      category.description = "Talks from the \"big\" conference";
      category.privacy = KalturaPrivacyType.all;
      category.appearInList = KalturaAppearInListType.partnerOnly;
      const category2 = await firstValueFrom(this.kaltura.request(new CategoryAddAction({ category })));
      console.log(category2);

      // Step 5: categoryEntry.add
      const categoryEntry = new KalturaCategoryEntry();
      categoryEntry.categoryId = category2.id;
      categoryEntry.entryId = objectId;
      const categoryEntry2 = await firstValueFrom(this.kaltura.request(new CategoryEntryAddAction({ categoryEntry })));
      console.log(categoryEntry2);

      // Step 6: media.list
      const filter2 = new KalturaMediaEntryFilter();
      filter2.categoriesIdsMatchAnd = String(category2.id);
      filter2.mediaTypeEqual = KalturaMediaType.video;
      filter2.statusIn = "2,4";
      filter2.orderBy = KalturaMediaEntryOrderBy.nameAsc.toString();
      const pager = new KalturaFilterPager();
      pager.pageSize = 25;
      pager.pageIndex = 1;
      const mediaListResponse = await firstValueFrom(this.kaltura.request(new MediaListAction({ filter: filter2, pager })));
      console.log(mediaListResponse);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
    }
  }
}
