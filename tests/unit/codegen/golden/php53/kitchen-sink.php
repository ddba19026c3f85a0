<?php
// Autoloads Kaltura\Client\... (Composer: kaltura/api-client-library, or the library's own class loader).
require_once 'vendor/autoload.php';

use Kaltura\Client\Client;
use Kaltura\Client\Configuration;
use Kaltura\Client\Enum\EntryStatus;
use Kaltura\Client\Enum\MediaEntryOrderBy;
use Kaltura\Client\Enum\SessionType;
use Kaltura\Client\Type\FilterPager;
use Kaltura\Client\Type\MediaEntry;
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

// Step 1: session.start
$secret2 = "YOUR_ADMIN_SECRET";
$userId2 = "";
$type2 = SessionType::ADMIN;
$partnerId2 = 1000042;
$expiry2 = 3600;
$ks2 = $client->getSessionService()->start($secret2, $userId2, $type2, $partnerId2, $expiry2);
echo "session.start: ", $ks2, "\n";

// Step 2: media.list
$filter = null;
$pager = new FilterPager();
$pager->pageSize = 5;
$pager->pageIndex = 1;
$mediaListResponse = $client->getMediaService()->listAction($filter, $pager);
echo "totalCount: ", $mediaListResponse->totalCount, "\n";
foreach ($mediaListResponse->objects as $item) {
    echo "id: ", $item->id, " ", "name: ", $item->name, " ", "status: ", $item->status, "\n";
}

// Step 3: media.list
$filter2 = new MediaEntryFilter();
$filter2->nameLike = "Kaltura";
$filter2->statusEqual = EntryStatus::READY;
$filter2->orderBy = MediaEntryOrderBy::CREATED_AT_DESC;
$pager2 = new FilterPager();
$pager2->pageSize = 1;
$mediaListResponse2 = $client->getMediaService()->listAction($filter2, $pager2);
echo "totalCount: ", $mediaListResponse2->totalCount, "\n";
foreach ($mediaListResponse2->objects as $item) {
    echo "id: ", $item->id, " ", "name: ", $item->name, " ", "status: ", $item->status, "\n";
}

// Step 5: media.get
$entryId = $mediaListResponse2->objects[0]->id;
$version = 0;
$mediaEntry = $client->getMediaService()->get($entryId, $version);
echo "id: ", $mediaEntry->id, "\n";
echo "name: ", $mediaEntry->name, "\n";
echo "status: ", $mediaEntry->status, "\n";

// Step 6: media.update
$entryId2 = $entryId;
$mediaEntry2 = new MediaEntry();
$mediaEntry2->name = "Renamed";
$mediaEntry2->tags = "a,b";
$mediaEntry3 = $client->getMediaService()->update($entryId2, $mediaEntry2);
echo "id: ", $mediaEntry3->id, "\n";
echo "name: ", $mediaEntry3->name, "\n";
echo "status: ", $mediaEntry3->status, "\n";

// Step 7: media.delete
$entryId3 = $entryId2;
$client->getMediaService()->delete($entryId3);
echo "media.delete: done\n";
