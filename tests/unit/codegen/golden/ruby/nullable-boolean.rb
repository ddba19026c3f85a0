# FILL IN: id of step 1's result (run that step first, or paste the value here).
entry_id = "YOUR_ENTRY_ID"

caption_asset = KalturaCaptionAsset.new()
caption_asset.language = KalturaLanguage::EN
caption_asset.format = KalturaCaptionType::SRT
caption_asset.label = "English (CC)"
caption_asset.is_default = KalturaNullableBoolean::TRUE_VALUE

result = client.caption_asset_service.add(entry_id, caption_asset)
puts "id: " + result.id.to_s
puts "status: " + result.status.to_s
