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

entry_id = "0_abcd1234"
resource = KalturaUploadedFileTokenResource()
resource.token = "0_0123456789abcdef0123456789abcdef"

result = client.media.addContent(entry_id, resource)
print("id:", result.id)
print("name:", result.name)
print("status:", result.status)
