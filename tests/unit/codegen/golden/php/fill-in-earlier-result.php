<?php

// FILL IN: id of step 3's result (run that step first, or paste the value here).
$entryId = "YOUR_ENTRY_ID";
// FILL IN: id of step 1's result (run that step first, or paste the value here).
$token = "YOUR_TOKEN";

$resource = new KalturaUploadedFileTokenResource();
$resource->token = $token;
try {
  $result = $client->media->addContent($entryId, $resource);
  echo "id: ", $result->id, "\n";
  echo "name: ", $result->name, "\n";
  echo "status: ", $result->status, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
