<?php
require_once('lib/KalturaClient.php');

$secret = "YOUR_ADMIN_SECRET";
$userId = "";
$type = KalturaSessionType::ADMIN;
$partnerId = 1000042;
$config = new KalturaConfiguration($partnerId);
$config->setServiceUrl("http://127.0.0.1:3000");
$client = new KalturaClient($config);
$ks = $client->session->start($secret, $userId, $type, $partnerId);
$client->setKs($ks);

// Step 1: uploadToken.add
$uploadToken = $client->uploadToken->add();
print_r($uploadToken);

// Step 2: uploadToken.upload
$uploadTokenId = $uploadToken->id;
$fileData = "/tmp/Kaltura_Logo_Animation.flv"; // path of the file to upload
$resume = false;
$finalChunk = true;
$resumeAt = -1;
$uploadToken2 = $client->uploadToken->upload($uploadTokenId, $fileData, $resume, $finalChunk, $resumeAt);
print_r($uploadToken2);

// Step 3: media.add
$entry = new KalturaMediaEntry();
$entry->mediaType = KalturaMediaType::VIDEO;
$entry->name = "Kaltura Logo";
$entry->description = "Uploaded with the recipe console";
$mediaEntry = $client->media->add($entry);
print_r($mediaEntry);

// Step 4: media.addContent
$entryId = $mediaEntry->id;
$resource = new KalturaUploadedFileTokenResource();
$resource->token = $uploadToken->id;
$mediaEntry2 = $client->media->addContent($entryId, $resource);
print_r($mediaEntry2);
