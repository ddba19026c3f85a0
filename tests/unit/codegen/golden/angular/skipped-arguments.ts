import { KalturaFilterPager, MediaListAction } from 'kaltura-ngx-client';

// In a component or service that injects `private kaltura: KalturaClient`:
const pager = new KalturaFilterPager();
pager.pageSize = 5;
pager.pageIndex = 1;
this.kaltura.request(new MediaListAction({ pager }))
  .subscribe(
    (result) => console.log(result),
    (error) => console.error(error.message),
  );
