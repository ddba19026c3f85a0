# FILL IN: id of step 1's result (run that step first, or paste the value here).
ID=YOUR_ID
# FILL IN: token of step 1's result (run that step first, or paste the value here).
STEP1_TOKEN=YOUR_STEP1_TOKEN

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

# tokenHash: the SHA-256 of the KS this call is made with followed by the token, in hexadecimal (what appToken.startSession checks).
# SHA-256 is the token's hashType here; hash with the token's own hashType if it has another.
TOKEN_HASH=$(printf '%s%s' "$KS" "${STEP1_TOKEN}" | openssl dgst -sha256 | sed 's/^.*= //')
kcall -X POST "http://127.0.0.1:3000/api_v3/service/appToken/action/startSession?format=1&ks=${KS}" \
  --data-urlencode "id=${ID}" \
  -d userId=visitor-1001 \
  -d type=0 \
  -d expiry=600 \
  --data-urlencode "tokenHash=${TOKEN_HASH}"
