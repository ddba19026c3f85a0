<?php
use Kaltura\Client\Enum\MediaType;
use Kaltura\Client\Type\MediaEntry;

$entry = new MediaEntry();
$entry->mediaType = MediaType::VIDEO;
$entry->name = "Kaltura Logo";
$entry->description = "Uploaded with the recipe console";
try {
  $result = $client->getMediaService()->add($entry);
  var_dump($result);
} catch (Exception $e) {
  echo $e->getMessage();
}
