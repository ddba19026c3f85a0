KS=YOUR_KS
curl -X POST "http://127.0.0.1:3000/api_v3/service/media/action/addContent?format=1&ks=${KS}" \
  -d entryId=0_abcd1234 \
  -d 'resource[objectType]=KalturaUploadedFileTokenResource' \
  -d 'resource[token]=0_0123456789abcdef0123456789abcdef'
