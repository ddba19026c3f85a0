// FILL IN: id of step 1's result (run that step first, or paste the value here).
var entryId = "YOUR_ENTRY_ID";

var captionAsset = {objectType: "KalturaCaptionAsset"};
captionAsset.language = "English" /* KalturaLanguage.EN */;
captionAsset.format = "1" /* KalturaCaptionType.SRT */;
captionAsset.label = "English (CC)";
captionAsset.isDefault = 1 /* KalturaNullableBoolean.TRUE_VALUE */;
KalturaCaptionAssetService.add(entryId, captionAsset)
  .execute(client, function(success, results) {
    if (!success || (results && results.code && results.message)) {
      console.error(results);
    } else {
      console.log(results);
    }
  });
