import { ESearchSearchEntryAction, KalturaESearchEntryBaseItem, KalturaESearchEntryFieldName, KalturaESearchEntryItem, KalturaESearchEntryOperator, KalturaESearchEntryParams, KalturaESearchItemType, KalturaESearchOperatorType, KalturaESearchUnifiedItem, KalturaPager } from 'kaltura-ngx-client';

// In a component or service that injects `private kaltura: KalturaClient`:
const searchParams = new KalturaESearchEntryParams();
const searchOperator = new KalturaESearchEntryOperator();
searchOperator.operator = KalturaESearchOperatorType.andOp;
const searchItemsItem = new KalturaESearchUnifiedItem();
searchItemsItem.searchTerm = "keynote";
searchItemsItem.itemType = KalturaESearchItemType.partial;
const searchItemsItem2 = new KalturaESearchEntryItem();
searchItemsItem2.fieldName = KalturaESearchEntryFieldName._name;
searchItemsItem2.searchTerm = "2026";
searchItemsItem2.itemType = KalturaESearchItemType.exactMatch;
searchOperator.searchItems = [searchItemsItem, searchItemsItem2];
searchParams.searchOperator = searchOperator;
const pager = new KalturaPager();
pager.pageSize = 20;
this.kaltura.request(new ESearchSearchEntryAction({ searchParams, pager }))
  .subscribe(
    (result) => console.log(result),
    (error) => console.error(error.message),
  );
