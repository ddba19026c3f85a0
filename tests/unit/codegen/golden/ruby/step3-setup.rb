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

entry = KalturaMediaEntry.new()
entry.media_type = KalturaMediaType::VIDEO
entry.name = "Kaltura Logo"
entry.description = "Uploaded with the recipe console"

result = client.media_service.add(entry)
puts "id: " + result.id.to_s
puts "name: " + result.name.to_s
puts "status: " + result.status.to_s
