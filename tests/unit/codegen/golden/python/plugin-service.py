from KalturaClient import *
from KalturaClient.Plugins.Core import *

# FILL IN: id of step 4's result (run that step first, or paste the value here).
id = "YOUR_ID"
# FILL IN: id of step 2's result (run that step first, or paste the value here).
token = "YOUR_TOKEN"

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

content_resource = KalturaUploadedFileTokenResource()
content_resource.token = token

result = client.caption.captionAsset.setContent(id, content_resource)
print("id:", result.id)
print("status:", result.status)
