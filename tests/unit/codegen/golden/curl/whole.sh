#!/usr/bin/env bash
# Needs curl and jq.
set -euo pipefail

# Runs curl; prints the JSON result, or fails when the API answers with an error.
kcall() {
  local out
  out=$(curl -sS --fail "$@") || return 1
  if printf '%s' "$out" | jq -e 'type == "object" and .objectType == "KalturaAPIException"' >/dev/null; then
    printf '%s\n' "$out" >&2
    return 1
  fi
  printf '%s' "$out"
}

# Start an ADMIN session with the admin secret; the KS goes into every later call.
KS_JSON=$(kcall -X POST 'http://127.0.0.1:3000/api_v3/service/session/action/start?format=1' \
  -d secret=YOUR_ADMIN_SECRET \
  -d userId= \
  -d type=2 \
  -d partnerId=1000042 \
  -d expiry=86400)
KS=$(printf '%s' "$KS_JSON" | jq -r .)

# Step 1: uploadToken.add
STEP1_RESULT=$(kcall -X POST "http://127.0.0.1:3000/api_v3/service/uploadToken/action/add?format=1&ks=${KS}")
printf '%s\n' "$STEP1_RESULT"

# Step 2: uploadToken.upload
STEP1_ID=$(printf '%s' "$STEP1_RESULT" | jq -r .id)
STEP2_RESULT=$(kcall -X POST "http://127.0.0.1:3000/api_v3/service/uploadToken/action/upload?format=1&ks=${KS}" \
  --form-string "uploadTokenId=${STEP1_ID}" \
  --form-string resume=0 \
  --form-string finalChunk=1 \
  --form-string resumeAt=-1 \
  -F fileData=@/tmp/Kaltura_Logo_Animation.flv)
printf '%s\n' "$STEP2_RESULT"

# Step 3: media.add
STEP3_RESULT=$(kcall -X POST "http://127.0.0.1:3000/api_v3/service/media/action/add?format=1&ks=${KS}" \
  -d 'entry[objectType]=KalturaMediaEntry' \
  -d 'entry[mediaType]=1' \
  --data-urlencode 'entry[name]=Kaltura Logo' \
  --data-urlencode 'entry[description]=Uploaded with the recipe console')
printf '%s\n' "$STEP3_RESULT"

# Step 4: media.addContent
STEP3_ID=$(printf '%s' "$STEP3_RESULT" | jq -r .id)
STEP4_RESULT=$(kcall -X POST "http://127.0.0.1:3000/api_v3/service/media/action/addContent?format=1&ks=${KS}" \
  --data-urlencode "entryId=${STEP3_ID}" \
  -d 'resource[objectType]=KalturaUploadedFileTokenResource' \
  --data-urlencode "resource[token]=${STEP1_ID}")
printf '%s\n' "$STEP4_RESULT"
