<?php
// Autoloads Kaltura\Client\... (Composer: kaltura/api-client-library, or the library's own class loader).
require_once 'vendor/autoload.php';

use Kaltura\Client\Client;
use Kaltura\Client\Configuration;
use Kaltura\Client\Enum\SessionType;

// FILL IN: id of step 1's result (run that step first, or paste the value here).
$id = "YOUR_ID";
// FILL IN: token of step 1's result (run that step first, or paste the value here).
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

// tokenHash: the SHA-256 of the KS this call is made with followed by the token, in hexadecimal (what appToken.startSession checks).
// SHA-256 is the token's hashType here; hash with the token's own hashType if it has another.
$tokenHash = hash('sha256', $client->getKs() . $token);
$userId2 = "visitor-1001";
$type2 = SessionType::USER;
$expiry2 = 600;
try {
  $result = $client->getAppTokenService()->startSession($id, $tokenHash, $userId2, $type2, $expiry2);
  echo "ks: ", $result->ks, "\n";
  echo "partnerId: ", $result->partnerId, "\n";
  echo "userId: ", $result->userId, "\n";
  echo "sessionType: ", $result->sessionType, "\n";
  echo "expiry: ", $result->expiry, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
