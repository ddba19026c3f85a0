const kaltura = require('kaltura-client');

async function main() {
  const config = new kaltura.Configuration();
  config.serviceUrl = "http://127.0.0.1:3000";
  // A silent logger: the default one prints every request, the admin secret included.
  config.setLogger({ log() {}, debug() {}, error() {} });
  const client = new kaltura.Client(config);

  const secret = "YOUR_ADMIN_SECRET";
  const userId = "";
  const type = kaltura.enums.SessionType.ADMIN;
  const partnerId = 1000042;
  const expiry = 86400;
  const ks = await kaltura.services.session.start(secret, userId, type, partnerId, expiry).execute(client);
  client.setKs(ks);

  // Step 1: session.start
  const secret2 = "YOUR_ADMIN_SECRET";
  const userId2 = "";
  const type2 = kaltura.enums.SessionType.ADMIN;
  const partnerId2 = 1000042;
  const expiry2 = 3600;
  const ks2 = await kaltura.services.session.start(secret2, userId2, type2, partnerId2, expiry2).execute(client);
  console.log(JSON.stringify(ks2, null, 2));

  // Step 2: media.list
  const filter = null;
  const pager = new kaltura.objects.FilterPager();
  pager.pageSize = 5;
  pager.pageIndex = 1;
  const mediaListResponse = await kaltura.services.media.listAction(filter, pager).execute(client);
  console.log(JSON.stringify(mediaListResponse, null, 2));

  // Step 3: media.list
  const filter2 = new kaltura.objects.MediaEntryFilter();
  filter2.nameLike = "Kaltura";
  filter2.statusEqual = kaltura.enums.EntryStatus.READY;
  filter2.orderBy = kaltura.enums.MediaEntryOrderBy.CREATED_AT_DESC;
  const pager2 = new kaltura.objects.FilterPager();
  pager2.pageSize = 1;
  const mediaListResponse2 = await kaltura.services.media.listAction(filter2, pager2).execute(client);
  console.log(JSON.stringify(mediaListResponse2, null, 2));

  // Step 5: media.get
  const entryId = mediaListResponse2.objects[0].id;
  const version = 0;
  const mediaEntry = await kaltura.services.media.get(entryId, version).execute(client);
  console.log(JSON.stringify(mediaEntry, null, 2));

  // Step 6: media.update
  const entryId2 = entryId;
  const mediaEntry2 = new kaltura.objects.MediaEntry();
  mediaEntry2.name = "Renamed";
  mediaEntry2.tags = "a,b";
  const mediaEntry3 = await kaltura.services.media.update(entryId2, mediaEntry2).execute(client);
  console.log(JSON.stringify(mediaEntry3, null, 2));

  // Step 7: media.delete
  const entryId3 = entryId2;
  const result = await kaltura.services.media.deleteAction(entryId3).execute(client);
  console.log(JSON.stringify(result, null, 2));
}

main().catch((err) => {
  console.error(err && err.message ? err.message : err);
  process.exit(1);
});
