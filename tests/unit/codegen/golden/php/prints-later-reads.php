<?php
require_once('lib/KalturaClient.php');
require_once('lib/KalturaPlugins/KalturaMetadataClientPlugin.php');

// FILL IN: the metadataProfileId you gave in step 3 (run that step first, or paste the value here).
$metadataProfileIdEqual = 0;
// FILL IN: the objectId you gave in step 3 (run that step first, or paste the value here).
$objectIdEqual = "YOUR_OBJECT_ID_EQUAL";

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

$filter = new KalturaMetadataFilter();
$filter->metadataProfileIdEqual = $metadataProfileIdEqual;
$filter->objectIdEqual = $objectIdEqual;
$filter->metadataObjectTypeEqual = KalturaMetadataObjectType::ENTRY;
try {
  $result = KalturaMetadataClientPlugin::get($client)->metadata->listAction($filter);
  echo "totalCount: ", $result->totalCount, "\n";
  foreach ($result->objects as $item) {
      echo "id: ", $item->id, " ", "status: ", $item->status, " ", "version: ", $item->version, "\n";
  }
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
