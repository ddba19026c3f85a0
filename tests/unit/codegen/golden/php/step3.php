<?php

$entry = new KalturaMediaEntry();
$entry->mediaType = KalturaMediaType::VIDEO;
$entry->name = "Kaltura Logo";
$entry->description = "Uploaded with the recipe console";
try {
  $result = $client->media->add($entry);
  var_dump($result);
} catch (Exception $e) {
  echo $e->getMessage();
}
