# FILL IN: uploadTokenId (required): no value was given.
UPLOAD_TOKEN_ID=YOUR_UPLOAD_TOKEN_ID

KS=YOUR_KS
curl -X POST "http://127.0.0.1:3000/api_v3/service/uploadToken/action/get?format=1&ks=${KS}" \
  --data-urlencode "uploadTokenId=${UPLOAD_TOKEN_ID}"
