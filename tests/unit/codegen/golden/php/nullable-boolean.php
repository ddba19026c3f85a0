<?php
require_once('lib/KalturaClient.php');
require_once('lib/KalturaPlugins/KalturaCaptionClientPlugin.php');

// FILL IN: id of step 1's result (run that step first, or paste the value here).
$entryId = "YOUR_ENTRY_ID";

$captionAsset = new KalturaCaptionAsset();
$captionAsset->language = KalturaLanguage::EN;
$captionAsset->format = KalturaCaptionType::SRT;
$captionAsset->label = "English (CC)";
$captionAsset->isDefault = KalturaNullableBoolean::TRUE_VALUE;
try {
  $result = KalturaCaptionClientPlugin::get($client)->captionAsset->add($entryId, $captionAsset);
  echo "id: ", $result->id, "\n";
  echo "status: ", $result->status, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
