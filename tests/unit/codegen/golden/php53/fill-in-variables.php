<?php

// FILL IN: uploadTokenId (required, string): no value was given.
$uploadTokenId = "YOUR_UPLOAD_TOKEN_ID";

try {
  $result = $client->getUploadTokenService()->get($uploadTokenId);
  echo "id: ", $result->id, "\n";
  echo "fileName: ", $result->fileName, "\n";
  echo "status: ", $result->status, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
