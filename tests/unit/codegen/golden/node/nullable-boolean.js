// FILL IN: id of step 1's result (run that step first, or paste the value here).
const entryId = "YOUR_ENTRY_ID";

const captionAsset = new kaltura.objects.CaptionAsset();
captionAsset.language = kaltura.enums.Language.EN;
captionAsset.format = kaltura.enums.CaptionType.SRT;
captionAsset.label = "English (CC)";
captionAsset.isDefault = kaltura.enums.NullableBoolean.TRUE_VALUE;
kaltura.services.captionAsset.add(entryId, captionAsset)
  .execute(client)
  .then((result) => {
    console.log(JSON.stringify(result, null, 2));
  }, (err) => {
    console.error(err && err.message ? err.message : err);
  });
