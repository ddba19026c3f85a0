require 'kaltura'
include Kaltura

# FILL IN: the entryId you gave in step 6 (run that step first, or paste the value here).
entry_id = "YOUR_ENTRY_ID"

config = KalturaConfiguration.new()
config.service_url = "http://127.0.0.1:3000"
client = KalturaClient.new(config)
secret = "YOUR_ADMIN_SECRET"
user_id = ""
type = KalturaSessionType::ADMIN
partner_id = 1000042
expiry = 86400
client.ks = client.session_service.start(secret, user_id, type, partner_id, expiry)

result = client.media_service.delete(entry_id)
puts "media.delete: done"
