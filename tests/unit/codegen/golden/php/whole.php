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

// Step 1: uploadToken.add
$uploadToken = $client->uploadToken->add();
echo "id: ", $uploadToken->id, "\n";
echo "fileName: ", $uploadToken->fileName, "\n";
echo "status: ", $uploadToken->status, "\n";

// Step 2: uploadToken.upload
$uploadTokenId = $uploadToken->id;
$fileData = "/tmp/Kaltura_Logo_Animation.flv"; // path of the file to upload
$resume = false;
$finalChunk = true;
$resumeAt = -1;
$uploadToken2 = $client->uploadToken->upload($uploadTokenId, $fileData, $resume, $finalChunk, $resumeAt);
echo "id: ", $uploadToken2->id, "\n";
echo "fileName: ", $uploadToken2->fileName, "\n";
echo "status: ", $uploadToken2->status, "\n";

// Step 3: media.add
$entry = new KalturaMediaEntry();
$entry->mediaType = KalturaMediaType::VIDEO;
$entry->name = "Kaltura Logo";
$entry->description = "Uploaded with the recipe console";
$mediaEntry = $client->media->add($entry);
echo "id: ", $mediaEntry->id, "\n";
echo "name: ", $mediaEntry->name, "\n";
echo "status: ", $mediaEntry->status, "\n";

// Step 4: media.addContent
$entryId = $mediaEntry->id;
$resource = new KalturaUploadedFileTokenResource();
$resource->token = $uploadToken->id;
$mediaEntry2 = $client->media->addContent($entryId, $resource);
echo "id: ", $mediaEntry2->id, "\n";
echo "name: ", $mediaEntry2->name, "\n";
echo "status: ", $mediaEntry2->status, "\n";
