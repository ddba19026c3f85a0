# FILL IN: id of step 3's result (run that step first, or paste the value here).
entry_id = "YOUR_ENTRY_ID"
# FILL IN: id of step 1's result (run that step first, or paste the value here).
token = "YOUR_TOKEN"

resource = KalturaUploadedFileTokenResource.new()
resource.token = token

result = client.media_service.add_content(entry_id, resource)
puts "id: " + result.id.to_s
puts "name: " + result.name.to_s
puts "status: " + result.status.to_s
