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

filter = KalturaMediaEntryFilter.new()
filter.name_like = "Kaltura"
filter.status_equal = KalturaEntryStatus::READY
filter.order_by = KalturaMediaEntryOrderBy::CREATED_AT_DESC
pager = KalturaFilterPager.new()
pager.page_size = 1

result = client.media_service.list(filter, pager)
puts "totalCount: " + result.total_count.to_s
(result.objects || []).each do |item|
  puts "id: " + item.id.to_s + " " + "name: " + item.name.to_s + " " + "status: " + item.status.to_s
end
