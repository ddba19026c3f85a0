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

# Step 1: uploadToken.add
upload_token = client.uploadToken.add()
print("id:", upload_token.id)
print("fileName:", upload_token.fileName)
print("status:", upload_token.status)

# Step 2: uploadToken.upload
upload_token_id = upload_token.id
file_data = open("/tmp/Kaltura_Logo_Animation.flv", "rb")
resume = False
final_chunk = True
resume_at = -1
upload_token2 = client.uploadToken.upload(upload_token_id, file_data, resume, final_chunk, resume_at)
print("id:", upload_token2.id)
print("fileName:", upload_token2.fileName)
print("status:", upload_token2.status)

# Step 3: media.add
entry = KalturaMediaEntry()
entry.mediaType = KalturaMediaType.VIDEO
entry.name = "Kaltura Logo"
entry.description = "Uploaded with the recipe console"
media_entry = client.media.add(entry)
print("id:", media_entry.id)
print("name:", media_entry.name)
print("status:", media_entry.status)

# Step 4: media.addContent
entry_id = media_entry.id
resource = KalturaUploadedFileTokenResource()
resource.token = upload_token.id
media_entry2 = client.media.addContent(entry_id, resource)
print("id:", media_entry2.id)
print("name:", media_entry2.name)
print("status:", media_entry2.status)
