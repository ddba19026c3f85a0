<?php
use Kaltura\Client\Type\UploadedFileTokenResource;

$entryId = "0_abcd1234";
$resource = new UploadedFileTokenResource();
$resource->token = "0_0123456789abcdef0123456789abcdef";
try {
  $result = $client->getMediaService()->addContent($entryId, $resource);
  var_dump($result);
} catch (Exception $e) {
  echo $e->getMessage();
}
