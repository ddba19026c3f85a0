<?php
require_once('lib/KalturaClient.php');

// FILL IN: id of step 1's result (run that step first, or paste the value here).
$uploadTokenId = "YOUR_UPLOAD_TOKEN_ID";

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

$fileData = "/tmp/clip.mp4"; // path of the file to upload
$resume = false;
$finalChunk = true;
$resumeAt = -1;
try {
  $result = $client->uploadToken->upload($uploadTokenId, $fileData, $resume, $finalChunk, $resumeAt);
  echo "id: ", $result->id, "\n";
  echo "fileName: ", $result->fileName, "\n";
  echo "status: ", $result->status, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
