KS=YOUR_KS
curl -X POST "http://127.0.0.1:3000/api_v3/service/uploadToken/action/upload?format=1&ks=${KS}" \
  --form-string uploadTokenId=0_0123456789abcdef0123456789abcdef \
  --form-string resume=0 \
  --form-string finalChunk=1 \
  --form-string resumeAt=-1 \
  -F fileData=@/tmp/Kaltura_Logo_Animation.flv
