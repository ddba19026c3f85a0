<?php
// Autoloads Kaltura\Client\... (Composer: kaltura/api-client-library, or the library's own class loader).
require_once 'vendor/autoload.php';

use Kaltura\Client\Client;
use Kaltura\Client\Configuration;
use Kaltura\Client\Enum\SessionType;

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

$uploadTokenId = "0_0123456789abcdef0123456789abcdef";
$fileData = "/tmp/Kaltura_Logo_Animation.flv"; // path of the file to upload
$resume = false;
$finalChunk = true;
$resumeAt = -1;
try {
  $result = $client->getUploadTokenService()->upload($uploadTokenId, $fileData, $resume, $finalChunk, $resumeAt);
  echo "id: ", $result->id, "\n";
  echo "fileName: ", $result->fileName, "\n";
  echo "status: ", $result->status, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
