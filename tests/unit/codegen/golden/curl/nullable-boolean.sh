# FILL IN: id of step 1's result (run that step first, or paste the value here).
ENTRY_ID=YOUR_ENTRY_ID

KS=YOUR_KS
curl -X POST "http://127.0.0.1:3000/api_v3/service/caption_captionasset/action/add?format=1&ks=${KS}" \
  --data-urlencode "entryId=${ENTRY_ID}" \
  -d 'captionAsset[objectType]=KalturaCaptionAsset' \
  -d 'captionAsset[language]=English' \
  -d 'captionAsset[format]=1' \
  --data-urlencode 'captionAsset[label]=English (CC)' \
  -d 'captionAsset[isDefault]=1'
