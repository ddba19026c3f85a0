<?php
require_once('lib/KalturaClient.php');

// FILL IN: the entryId you gave in step 6 (run that step first, or paste the value here).
$entryId = "YOUR_ENTRY_ID";

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

try {
  $client->media->delete($entryId);
  echo "media.delete: done\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
