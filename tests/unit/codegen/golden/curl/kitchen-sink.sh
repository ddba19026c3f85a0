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

# Step 1: session.start
STEP1_RESULT=$(kcall -X POST 'http://127.0.0.1:3000/api_v3/service/session/action/start?format=1' \
  -d secret=YOUR_ADMIN_SECRET \
  -d type=2 \
  -d partnerId=1000042 \
  -d expiry=3600)
printf '%s\n' "$STEP1_RESULT"

# Step 2: media.list
STEP2_RESULT=$(kcall -X POST "http://127.0.0.1:3000/api_v3/service/media/action/list?format=1&ks=${KS}" \
  -d 'pager[objectType]=KalturaFilterPager' \
  -d 'pager[pageSize]=5' \
  -d 'pager[pageIndex]=1')
printf '%s\n' "$STEP2_RESULT"

# Step 3: media.list
STEP3_RESULT=$(kcall -X POST "http://127.0.0.1:3000/api_v3/service/media/action/list?format=1&ks=${KS}" \
  -d 'filter[objectType]=KalturaMediaEntryFilter' \
  -d 'filter[nameLike]=Kaltura' \
  -d 'filter[statusEqual]=2' \
  -d 'filter[orderBy]=-createdAt' \
  -d 'pager[objectType]=KalturaFilterPager' \
  -d 'pager[pageSize]=1')
printf '%s\n' "$STEP3_RESULT"

# Step 5: media.get
STEP3_OBJECTS_0_ID=$(printf '%s' "$STEP3_RESULT" | jq -r '.objects[0].id')
STEP5_RESULT=$(kcall -X POST "http://127.0.0.1:3000/api_v3/service/media/action/get?format=1&ks=${KS}" \
  --data-urlencode "entryId=${STEP3_OBJECTS_0_ID}" \
  -d version=0)
printf '%s\n' "$STEP5_RESULT"

# Step 6: media.update
STEP6_RESULT=$(kcall -X POST "http://127.0.0.1:3000/api_v3/service/media/action/update?format=1&ks=${KS}" \
  --data-urlencode "entryId=${STEP3_OBJECTS_0_ID}" \
  -d 'mediaEntry[objectType]=KalturaMediaEntry' \
  -d 'mediaEntry[name]=Renamed' \
  --data-urlencode 'mediaEntry[tags]=a,b')
printf '%s\n' "$STEP6_RESULT"

# Step 7: media.delete
STEP7_RESULT=$(kcall -X POST "http://127.0.0.1:3000/api_v3/service/media/action/delete?format=1&ks=${KS}" \
  --data-urlencode "entryId=${STEP3_OBJECTS_0_ID}")
printf '%s\n' "$STEP7_RESULT"
