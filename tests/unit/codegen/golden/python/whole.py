from KalturaClient import *
from KalturaClient.Plugins.Core import *

config = KalturaConfiguration()
config.serviceUrl = "http://127.0.0.1:3000"
client = KalturaClient(config)
secret = "YOUR_ADMIN_SECRET"
user_id = ""
type = KalturaSessionType.ADMIN
partner_id = 1000042
ks = client.session.start(secret, user_id, type, partner_id)
client.setKs(ks)

# Step 1: uploadToken.add
upload_token = client.uploadToken.add()
print(vars(upload_token) if hasattr(upload_token, "__dict__") else upload_token)

# Step 2: uploadToken.upload
upload_token_id = upload_token.id
file_data = open("/tmp/Kaltura_Logo_Animation.flv", "rb")
resume = False
final_chunk = True
resume_at = -1
upload_token2 = client.uploadToken.upload(upload_token_id, file_data, resume, final_chunk, resume_at)
print(vars(upload_token2) if hasattr(upload_token2, "__dict__") else upload_token2)

# Step 3: media.add
entry = KalturaMediaEntry()
entry.mediaType = KalturaMediaType.VIDEO
entry.name = "Kaltura Logo"
entry.description = "Uploaded with the recipe console"
media_entry = client.media.add(entry)
print(vars(media_entry) if hasattr(media_entry, "__dict__") else media_entry)

# Step 4: media.addContent
entry_id = media_entry.id
resource = KalturaUploadedFileTokenResource()
resource.token = upload_token.id
media_entry2 = client.media.addContent(entry_id, resource)
print(vars(media_entry2) if hasattr(media_entry2, "__dict__") else media_entry2)
