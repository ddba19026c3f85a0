<?php
use Kaltura\Client\Type\UploadedFileTokenResource;

$entryId = "0_abcd1234";
$resource = new UploadedFileTokenResource();
$resource->token = "0_0123456789abcdef0123456789abcdef";
try {
  $result = $client->getMediaService()->addContent($entryId, $resource);
  echo "id: ", $result->id, "\n";
  echo "name: ", $result->name, "\n";
  echo "status: ", $result->status, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
