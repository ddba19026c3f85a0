from KalturaClient import *
from KalturaClient.Plugins.Core import *

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

upload_token_id = "0_0123456789abcdef0123456789abcdef"
file_data = open("/tmp/Kaltura_Logo_Animation.flv", "rb")
resume = False
final_chunk = True
resume_at = -1

result = client.uploadToken.upload(upload_token_id, file_data, resume, final_chunk, resume_at)
print("id:", result.id)
print("fileName:", result.fileName)
print("status:", result.status)
