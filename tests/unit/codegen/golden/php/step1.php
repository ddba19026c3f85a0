<?php

try {
  $result = $client->uploadToken->add();
  echo "id: ", $result->id, "\n";
  echo "fileName: ", $result->fileName, "\n";
  echo "status: ", $result->status, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
