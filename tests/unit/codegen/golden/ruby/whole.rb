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

# Step 1: uploadToken.add
upload_token = client.upload_token_service.add()
puts "id: " + upload_token.id.to_s
puts "fileName: " + upload_token.file_name.to_s
puts "status: " + upload_token.status.to_s

# Step 2: uploadToken.upload
upload_token_id = upload_token.id
file_data = File.open("/tmp/Kaltura_Logo_Animation.flv")
resume = false
final_chunk = true
resume_at = -1
upload_token2 = client.upload_token_service.upload(upload_token_id, file_data, resume, final_chunk, resume_at)
puts "id: " + upload_token2.id.to_s
puts "fileName: " + upload_token2.file_name.to_s
puts "status: " + upload_token2.status.to_s

# Step 3: media.add
entry = KalturaMediaEntry.new()
entry.media_type = KalturaMediaType::VIDEO
entry.name = "Kaltura Logo"
entry.description = "Uploaded with the recipe console"
media_entry = client.media_service.add(entry)
puts "id: " + media_entry.id.to_s
puts "name: " + media_entry.name.to_s
puts "status: " + media_entry.status.to_s

# Step 4: media.addContent
entry_id = media_entry.id
resource = KalturaUploadedFileTokenResource.new()
resource.token = upload_token.id
media_entry2 = client.media_service.add_content(entry_id, resource)
puts "id: " + media_entry2.id.to_s
puts "name: " + media_entry2.name.to_s
puts "status: " + media_entry2.status.to_s
