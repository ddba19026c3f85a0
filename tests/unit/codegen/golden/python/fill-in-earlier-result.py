# FILL IN: id of step 3's result (run that step first, or paste the value here).
entry_id = "YOUR_ENTRY_ID"
# FILL IN: id of step 1's result (run that step first, or paste the value here).
token = "YOUR_TOKEN"

resource = KalturaUploadedFileTokenResource()
resource.token = token

result = client.media.addContent(entry_id, resource)
print("id:", result.id)
print("name:", result.name)
print("status:", result.status)
