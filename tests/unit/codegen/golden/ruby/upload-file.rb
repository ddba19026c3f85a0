require 'kaltura'
include Kaltura

# FILL IN: id of step 1's result (run that step first, or paste the value here).
upload_token_id = "YOUR_UPLOAD_TOKEN_ID"

config = KalturaConfiguration.new()
config.service_url = "http://127.0.0.1:3000"
client = KalturaClient.new(config)
secret = "YOUR_ADMIN_SECRET"
user_id = ""
type = KalturaSessionType::ADMIN
partner_id = 1000042
expiry = 86400
client.ks = client.session_service.start(secret, user_id, type, partner_id, expiry)

file_data = File.open("/tmp/clip.mp4")
resume = false
final_chunk = true
resume_at = -1

result = client.upload_token_service.upload(upload_token_id, file_data, resume, final_chunk, resume_at)
puts "id: " + result.id.to_s
puts "fileName: " + result.file_name.to_s
puts "status: " + result.status.to_s
