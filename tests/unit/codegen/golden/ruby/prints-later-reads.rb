require 'kaltura'
include Kaltura

# FILL IN: the metadataProfileId you gave in step 3 (run that step first, or paste the value here).
metadata_profile_id_equal = 0
# FILL IN: the objectId you gave in step 3 (run that step first, or paste the value here).
object_id_equal = "YOUR_OBJECT_ID_EQUAL"

config = KalturaConfiguration.new()
config.service_url = "http://127.0.0.1:3000"
client = KalturaClient.new(config)
secret = "YOUR_ADMIN_SECRET"
user_id = ""
type = KalturaSessionType::ADMIN
partner_id = 1000042
expiry = 86400
client.ks = client.session_service.start(secret, user_id, type, partner_id, expiry)

filter = KalturaMetadataFilter.new()
filter.metadata_profile_id_equal = metadata_profile_id_equal
filter.object_id_equal = object_id_equal
filter.metadata_object_type_equal = KalturaMetadataObjectType::ENTRY

result = client.metadata_service.list(filter)
puts "totalCount: " + result.total_count.to_s
(result.objects || []).each do |item|
  puts "id: " + item.id.to_s + " " + "status: " + item.status.to_s + " " + "version: " + item.version.to_s
end
