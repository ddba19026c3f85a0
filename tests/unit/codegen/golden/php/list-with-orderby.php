<?php
require_once('lib/KalturaClient.php');

$secret = "YOUR_ADMIN_SECRET";
$userId = "";
$type = KalturaSessionType::ADMIN;
$partnerId = 1000042;
$expiry = 86400;
$config = new KalturaConfiguration($partnerId);
$config->setServiceUrl("http://127.0.0.1:3000");
$client = new KalturaClient($config);
$ks = $client->session->start($secret, $userId, $type, $partnerId, $expiry);
$client->setKs($ks);

$filter = new KalturaMediaEntryFilter();
$filter->nameLike = "Kaltura";
$filter->statusEqual = KalturaEntryStatus::READY;
$filter->orderBy = KalturaMediaEntryOrderBy::CREATED_AT_DESC;
$pager = new KalturaFilterPager();
$pager->pageSize = 1;
try {
  $result = $client->media->listAction($filter, $pager);
  echo "totalCount: ", $result->totalCount, "\n";
  foreach ($result->objects as $item) {
      echo "id: ", $item->id, " ", "name: ", $item->name, " ", "status: ", $item->status, "\n";
  }
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
