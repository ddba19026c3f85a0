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

$entryId = "0_abcd1234";
$resource = new KalturaUploadedFileTokenResource();
$resource->token = "0_0123456789abcdef0123456789abcdef";
try {
  $result = $client->media->addContent($entryId, $resource);
  echo "id: ", $result->id, "\n";
  echo "name: ", $result->name, "\n";
  echo "status: ", $result->status, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
