import { CaptionAssetAddAction, KalturaCaptionAsset, KalturaCaptionType, KalturaLanguage, KalturaNullableBoolean } from 'kaltura-ngx-client';

// In a component or service that injects `private kaltura: KalturaClient`:
// FILL IN: id of step 1's result (run that step first, or paste the value here).
const entryId = "YOUR_ENTRY_ID";

const captionAsset = new KalturaCaptionAsset();
captionAsset.language = KalturaLanguage.en;
captionAsset.format = KalturaCaptionType.srt;
captionAsset.label = "English (CC)";
captionAsset.isDefault = KalturaNullableBoolean.trueValue;
this.kaltura.request(new CaptionAssetAddAction({ entryId, captionAsset }))
  .subscribe(
    (result) => console.log(result),
    (error) => console.error(error.message),
  );
