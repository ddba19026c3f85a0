<?php

$uploadTokenId = "0_0123456789abcdef0123456789abcdef";
$fileData = "/tmp/Kaltura_Logo_Animation.flv"; // path of the file to upload
$resume = false;
$finalChunk = true;
$resumeAt = -1;
try {
  $result = $client->getUploadTokenService()->upload($uploadTokenId, $fileData, $resume, $finalChunk, $resumeAt);
  var_dump($result);
} catch (Exception $e) {
  echo $e->getMessage();
}
