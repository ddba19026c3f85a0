# FILL IN: id of step 3's result (run that step first, or paste the value here).
ENTRY_ID=YOUR_ENTRY_ID
# FILL IN: id of step 1's result (run that step first, or paste the value here).
STEP1_ID=YOUR_STEP1_ID

KS=YOUR_KS
curl -X POST "http://127.0.0.1:3000/api_v3/service/media/action/addContent?format=1&ks=${KS}" \
  --data-urlencode "entryId=${ENTRY_ID}" \
  -d 'resource[objectType]=KalturaUploadedFileTokenResource' \
  --data-urlencode "resource[token]=${STEP1_ID}"
