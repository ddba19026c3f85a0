entry_id = "0_abcd1234"
resource = KalturaUploadedFileTokenResource()
resource.token = "0_0123456789abcdef0123456789abcdef"

result = client.media.addContent(entry_id, resource)
print("id:", result.id)
print("name:", result.name)
print("status:", result.status)
