from KalturaClient import *
from KalturaClient.Plugins.Core import *
from KalturaClient.Plugins.Metadata import *

# FILL IN: the metadataProfileId you gave in step 3 (run that step first, or paste the value here).
metadata_profile_id_equal = 0
# FILL IN: the objectId you gave in step 3 (run that step first, or paste the value here).
object_id_equal = "YOUR_OBJECT_ID_EQUAL"

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

filter = KalturaMetadataFilter()
filter.metadataProfileIdEqual = metadata_profile_id_equal
filter.objectIdEqual = object_id_equal
filter.metadataObjectTypeEqual = KalturaMetadataObjectType.ENTRY

result = client.metadata.metadata.list(filter)
print("totalCount:", result.totalCount)
for item in result.objects:
    print("id:", item.id, "status:", item.status, "version:", item.version)
