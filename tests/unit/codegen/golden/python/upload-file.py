from KalturaClient import *
from KalturaClient.Plugins.Core import *

# FILL IN: id of step 1's result (run that step first, or paste the value here).
upload_token_id = "YOUR_UPLOAD_TOKEN_ID"

config = KalturaConfiguration()
config.serviceUrl = "http://127.0.0.1:3000"
client = KalturaClient(config)
secret = "YOUR_ADMIN_SECRET"
user_id = ""
type = KalturaSessionType.ADMIN
partner_id = 1000042
expiry = 86400
ks = client.session.start(secret, user_id, type, partner_id, expiry)
client.setKs(ks)

file_data = open("/tmp/clip.mp4", "rb")
resume = False
final_chunk = True
resume_at = -1

result = client.uploadToken.upload(upload_token_id, file_data, resume, final_chunk, resume_at)
print("id:", result.id)
print("fileName:", result.fileName)
print("status:", result.status)
