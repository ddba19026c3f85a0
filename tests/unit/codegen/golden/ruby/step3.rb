entry = KalturaMediaEntry.new()
entry.media_type = KalturaMediaType::VIDEO
entry.name = "Kaltura Logo"
entry.description = "Uploaded with the recipe console"

result = client.media_service.add(entry)
puts "id: " + result.id.to_s
puts "name: " + result.name.to_s
puts "status: " + result.status.to_s
