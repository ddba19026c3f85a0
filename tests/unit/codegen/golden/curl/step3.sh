KS=YOUR_KS
curl -X POST "http://127.0.0.1:3000/api_v3/service/media/action/add?format=1&ks=${KS}" \
  -d 'entry[objectType]=KalturaMediaEntry' \
  -d 'entry[mediaType]=1' \
  --data-urlencode 'entry[name]=Kaltura Logo' \
  --data-urlencode 'entry[description]=Uploaded with the recipe console'
