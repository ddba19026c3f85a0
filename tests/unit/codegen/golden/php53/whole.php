<?php
// Autoloads Kaltura\Client\... (Composer: kaltura/api-client-library, or the library's own class loader).
require_once 'vendor/autoload.php';

use Kaltura\Client\Client;
use Kaltura\Client\Configuration;
use Kaltura\Client\Enum\MediaType;
use Kaltura\Client\Enum\SessionType;
use Kaltura\Client\Type\MediaEntry;
use Kaltura\Client\Type\UploadedFileTokenResource;

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

// Step 1: uploadToken.add
$uploadToken = $client->getUploadTokenService()->add();
echo "id: ", $uploadToken->id, "\n";
echo "fileName: ", $uploadToken->fileName, "\n";
echo "status: ", $uploadToken->status, "\n";

// Step 2: uploadToken.upload
$uploadTokenId = $uploadToken->id;
$fileData = "/tmp/Kaltura_Logo_Animation.flv"; // path of the file to upload
$resume = false;
$finalChunk = true;
$resumeAt = -1;
$uploadToken2 = $client->getUploadTokenService()->upload($uploadTokenId, $fileData, $resume, $finalChunk, $resumeAt);
echo "id: ", $uploadToken2->id, "\n";
echo "fileName: ", $uploadToken2->fileName, "\n";
echo "status: ", $uploadToken2->status, "\n";

// Step 3: media.add
$entry = new MediaEntry();
$entry->mediaType = MediaType::VIDEO;
$entry->name = "Kaltura Logo";
$entry->description = "Uploaded with the recipe console";
$mediaEntry = $client->getMediaService()->add($entry);
echo "id: ", $mediaEntry->id, "\n";
echo "name: ", $mediaEntry->name, "\n";
echo "status: ", $mediaEntry->status, "\n";

// Step 4: media.addContent
$entryId = $mediaEntry->id;
$resource = new UploadedFileTokenResource();
$resource->token = $uploadToken->id;
$mediaEntry2 = $client->getMediaService()->addContent($entryId, $resource);
echo "id: ", $mediaEntry2->id, "\n";
echo "name: ", $mediaEntry2->name, "\n";
echo "status: ", $mediaEntry2->status, "\n";
