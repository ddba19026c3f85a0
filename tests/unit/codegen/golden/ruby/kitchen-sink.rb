require 'kaltura'
include Kaltura

config = KalturaConfiguration.new()
config.service_url = "http://127.0.0.1:3000"
client = KalturaClient.new(config)
secret = "YOUR_ADMIN_SECRET"
user_id = ""
type = KalturaSessionType::ADMIN
partner_id = 1000042
expiry = 86400
client.ks = client.session_service.start(secret, user_id, type, partner_id, expiry)

# Step 1: session.start
secret2 = "YOUR_ADMIN_SECRET"
user_id2 = ""
type2 = KalturaSessionType::ADMIN
partner_id2 = 1000042
expiry2 = 3600
ks = client.session_service.start(secret2, user_id2, type2, partner_id2, expiry2)
puts "session.start: " + ks.to_s

# Step 2: media.list
filter = nil
pager = KalturaFilterPager.new()
pager.page_size = 5
pager.page_index = 1
media_list_response = client.media_service.list(filter, pager)
puts "totalCount: " + media_list_response.total_count.to_s
(media_list_response.objects || []).each do |item|
  puts "id: " + item.id.to_s + " " + "name: " + item.name.to_s + " " + "status: " + item.status.to_s
end

# Step 3: media.list
filter2 = KalturaMediaEntryFilter.new()
filter2.name_like = "Kaltura"
filter2.status_equal = KalturaEntryStatus::READY
filter2.order_by = KalturaMediaEntryOrderBy::CREATED_AT_DESC
pager2 = KalturaFilterPager.new()
pager2.page_size = 1
media_list_response2 = client.media_service.list(filter2, pager2)
puts "totalCount: " + media_list_response2.total_count.to_s
(media_list_response2.objects || []).each do |item|
  puts "id: " + item.id.to_s + " " + "name: " + item.name.to_s + " " + "status: " + item.status.to_s
end

# Step 5: media.get
entry_id = media_list_response2.objects[0].id
version = 0
media_entry = client.media_service.get(entry_id, version)
puts "id: " + media_entry.id.to_s
puts "name: " + media_entry.name.to_s
puts "status: " + media_entry.status.to_s

# Step 6: media.update
entry_id2 = entry_id
media_entry2 = KalturaMediaEntry.new()
media_entry2.name = "Renamed"
media_entry2.tags = "a,b"
media_entry3 = client.media_service.update(entry_id2, media_entry2)
puts "id: " + media_entry3.id.to_s
puts "name: " + media_entry3.name.to_s
puts "status: " + media_entry3.status.to_s

# Step 7: media.delete
entry_id3 = entry_id2
result = client.media_service.delete(entry_id3)
puts "media.delete: done"
