<?php
// Autoloads Kaltura\Client\... (Composer: kaltura/api-client-library, or the library's own class loader).
require_once 'vendor/autoload.php';

use Kaltura\Client\Client;
use Kaltura\Client\Configuration;
use Kaltura\Client\Enum\EntryStatus;
use Kaltura\Client\Enum\MediaEntryOrderBy;
use Kaltura\Client\Enum\SessionType;
use Kaltura\Client\Type\FilterPager;
use Kaltura\Client\Type\MediaEntryFilter;

$secret = "YOUR_ADMIN_SECRET";
$userId = "";
$type = SessionType::ADMIN;
$partnerId = 1000042;
$expiry = 86400;
$config = new Configuration($partnerId);
$config->setServiceUrl("http://127.0.0.1:3000");
$client = new Client($config);
$ks = $client->getSessionService()->start($secret, $userId, $type, $partnerId, $expiry);
$client->setKs($ks);

$filter = new MediaEntryFilter();
$filter->nameLike = "Kaltura";
$filter->statusEqual = EntryStatus::READY;
$filter->orderBy = MediaEntryOrderBy::CREATED_AT_DESC;
$pager = new FilterPager();
$pager->pageSize = 1;
try {
  $result = $client->getMediaService()->listAction($filter, $pager);
  echo "totalCount: ", $result->totalCount, "\n";
  foreach ($result->objects as $item) {
      echo "id: ", $item->id, " ", "name: ", $item->name, " ", "status: ", $item->status, "\n";
  }
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
