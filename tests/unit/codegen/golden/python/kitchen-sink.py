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

# Step 1: session.start
secret2 = "YOUR_ADMIN_SECRET"
user_id2 = ""
type2 = KalturaSessionType.ADMIN
partner_id2 = 1000042
expiry2 = 3600
ks2 = client.session.start(secret2, user_id2, type2, partner_id2, expiry2)
print("session.start:", ks2)

# Step 2: media.list
filter = None
pager = KalturaFilterPager()
pager.pageSize = 5
pager.pageIndex = 1
media_list_response = client.media.list(filter, pager)
print("totalCount:", media_list_response.totalCount)
for item in media_list_response.objects:
    print("id:", item.id, "name:", item.name, "status:", item.status)

# Step 3: media.list
filter2 = KalturaMediaEntryFilter()
filter2.nameLike = "Kaltura"
filter2.statusEqual = KalturaEntryStatus.READY
filter2.orderBy = KalturaMediaEntryOrderBy.CREATED_AT_DESC
pager2 = KalturaFilterPager()
pager2.pageSize = 1
media_list_response2 = client.media.list(filter2, pager2)
print("totalCount:", media_list_response2.totalCount)
for item in media_list_response2.objects:
    print("id:", item.id, "name:", item.name, "status:", item.status)

# Step 5: media.get
entry_id = media_list_response2.objects[0].id
version = 0
media_entry = client.media.get(entry_id, version)
print("id:", media_entry.id)
print("name:", media_entry.name)
print("status:", media_entry.status)

# Step 6: media.update
entry_id2 = entry_id
media_entry2 = KalturaMediaEntry()
media_entry2.name = "Renamed"
media_entry2.tags = "a,b"
media_entry3 = client.media.update(entry_id2, media_entry2)
print("id:", media_entry3.id)
print("name:", media_entry3.name)
print("status:", media_entry3.status)

# Step 7: media.delete
entry_id3 = entry_id2
client.media.delete(entry_id3)
print("media.delete: done")
