<?php
use Kaltura\Client\Enum\MediaType;
use Kaltura\Client\Type\MediaEntry;

$entry = new MediaEntry();
$entry->mediaType = MediaType::VIDEO;
$entry->name = "Kaltura Logo";
$entry->description = "Uploaded with the recipe console";
try {
  $result = $client->getMediaService()->add($entry);
  echo "id: ", $result->id, "\n";
  echo "name: ", $result->name, "\n";
  echo "status: ", $result->status, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
