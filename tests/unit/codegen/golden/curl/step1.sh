KS=YOUR_KS
curl -X POST "http://127.0.0.1:3000/api_v3/service/uploadToken/action/add?format=1&ks=${KS}"
