entry = KalturaMediaEntry()
entry.mediaType = KalturaMediaType.VIDEO
entry.name = "Kaltura Logo"
entry.description = "Uploaded with the recipe console"

result = client.media.add(entry)
print("id:", result.id)
print("name:", result.name)
print("status:", result.status)
