require 'kaltura'
include Kaltura

# FILL IN: id of step 4's result (run that step first, or paste the value here).
id = "YOUR_ID"
# FILL IN: id of step 2's result (run that step first, or paste the value here).
token = "YOUR_TOKEN"

config = KalturaConfiguration.new()
config.service_url = "http://127.0.0.1:3000"
client = KalturaClient.new(config)
secret = "YOUR_ADMIN_SECRET"
user_id = ""
type = KalturaSessionType::ADMIN
partner_id = 1000042
expiry = 86400
client.ks = client.session_service.start(secret, user_id, type, partner_id, expiry)

content_resource = KalturaUploadedFileTokenResource.new()
content_resource.token = token

result = client.caption_asset_service.set_content(id, content_resource)
puts "id: " + result.id.to_s
puts "status: " + result.status.to_s
