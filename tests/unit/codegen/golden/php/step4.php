<?php

$entryId = "0_abcd1234";
$resource = new KalturaUploadedFileTokenResource();
$resource->token = "0_0123456789abcdef0123456789abcdef";
try {
  $result = $client->media->addContent($entryId, $resource);
  var_dump($result);
} catch (Exception $e) {
  echo $e->getMessage();
}
