<?php
use Kaltura\Client\Enum\Language;
use Kaltura\Client\Enum\NullableBoolean;
use Kaltura\Client\Plugin\Caption\CaptionPlugin;
use Kaltura\Client\Plugin\Caption\Enum\CaptionType;
use Kaltura\Client\Plugin\Caption\Type\CaptionAsset;

// FILL IN: id of step 1's result (run that step first, or paste the value here).
$entryId = "YOUR_ENTRY_ID";

$captionAsset = new CaptionAsset();
$captionAsset->language = Language::EN;
$captionAsset->format = CaptionType::SRT;
$captionAsset->label = "English (CC)";
$captionAsset->isDefault = NullableBoolean::TRUE_VALUE;
try {
  $result = CaptionPlugin::get($client)->getCaptionAssetService()->add($entryId, $captionAsset);
  echo "id: ", $result->id, "\n";
  echo "status: ", $result->status, "\n";
} catch (Exception $e) {
  fwrite(STDERR, $e->getMessage() . "\n");
  exit(1);
}
