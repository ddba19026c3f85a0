entry = KalturaMediaEntry.new()
entry.media_type = KalturaMediaType::VIDEO
entry.name = "Kaltura Logo"
entry.description = "Uploaded with the recipe console"

result = client.media_service.add(entry)
puts result.inspect
