# FILL IN: entryId of step 6's result (run that step first, or paste the value here).
ENTRY_ID=YOUR_ENTRY_ID

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

kcall -X POST "http://127.0.0.1:3000/api_v3/service/media/action/delete?format=1&ks=${KS}" \
  --data-urlencode "entryId=${ENTRY_ID}"
