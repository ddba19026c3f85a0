<?php
// Autoloads Kaltura\Client\... (Composer: kaltura/api-client-library, or the library's own class loader).
require_once 'vendor/autoload.php';

use Kaltura\Client\Client;
use Kaltura\Client\Configuration;
use Kaltura\Client\Enum\MediaType;
use Kaltura\Client\Enum\SessionType;
use Kaltura\Client\Type\MediaEntry;

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

$entry = new MediaEntry();
$entry->mediaType = MediaType::VIDEO;
$entry->name = "Kaltura Logo";
$entry->description = "Uploaded with the recipe console";
try {
  $result = $client->getMediaService()->add($entry);
  echo "id: ", $result->id, "\n";
  echo "name: ", $result->name, "\n";
  echo "status: ", $result->status, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
