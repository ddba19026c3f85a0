<?php
// Autoloads Kaltura\Client\... (Composer: kaltura/api-client-library, or the library's own class loader).
require_once 'vendor/autoload.php';

use Kaltura\Client\Client;
use Kaltura\Client\Configuration;
use Kaltura\Client\Enum\SessionType;
use Kaltura\Client\Plugin\Caption\CaptionPlugin;
use Kaltura\Client\Type\UploadedFileTokenResource;

// FILL IN: id of step 4's result (run that step first, or paste the value here).
$id = "YOUR_ID";
// FILL IN: id of step 2's result (run that step first, or paste the value here).
$token = "YOUR_TOKEN";

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

$contentResource = new UploadedFileTokenResource();
$contentResource->token = $token;
try {
  $result = CaptionPlugin::get($client)->getCaptionAssetService()->setContent($id, $contentResource);
  echo "id: ", $result->id, "\n";
  echo "status: ", $result->status, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
