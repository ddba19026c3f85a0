from KalturaClient import *
from KalturaClient.Plugins.Core import *

# FILL IN: the entryId you gave in step 6 (run that step first, or paste the value here).
entry_id = "YOUR_ENTRY_ID"

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

result = client.media.delete(entry_id)
print("media.delete: done")
