from KalturaClient import *
from KalturaClient.Plugins.Core import *

# FILL IN: the entry.name you gave in step 1 (run that step first, or paste the value here).
name_like = "YOUR_NAME_LIKE"

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

filter = KalturaMediaEntryFilter()
filter.nameLike = name_like
filter.orderBy = KalturaMediaEntryOrderBy.CREATED_AT_DESC
pager = KalturaFilterPager()
pager.pageSize = 10
pager.pageIndex = 1

result = client.media.list(filter, pager)
print("totalCount:", result.totalCount)
for item in result.objects:
    print("id:", item.id, "name:", item.name, "status:", item.status)
