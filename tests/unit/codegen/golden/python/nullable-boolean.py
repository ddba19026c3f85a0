# FILL IN: id of step 1's result (run that step first, or paste the value here).
entry_id = "YOUR_ENTRY_ID"

caption_asset = KalturaCaptionAsset()
caption_asset.language = KalturaLanguage.EN
caption_asset.format = KalturaCaptionType.SRT
caption_asset.label = "English (CC)"
caption_asset.isDefault = KalturaNullableBoolean.TRUE_VALUE

result = client.caption.captionAsset.add(entry_id, caption_asset)
print("id:", result.id)
print("status:", result.status)
