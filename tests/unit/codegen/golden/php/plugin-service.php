<?php
require_once('lib/KalturaClient.php');
require_once('lib/KalturaPlugins/KalturaCaptionClientPlugin.php');

// FILL IN: id of step 4's result (run that step first, or paste the value here).
$id = "YOUR_ID";
// FILL IN: id of step 2's result (run that step first, or paste the value here).
$token = "YOUR_TOKEN";

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

$contentResource = new KalturaUploadedFileTokenResource();
$contentResource->token = $token;
try {
  $result = KalturaCaptionClientPlugin::get($client)->captionAsset->setContent($id, $contentResource);
  echo "id: ", $result->id, "\n";
  echo "status: ", $result->status, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
