entry_id = "0_abcd1234"
resource = KalturaUploadedFileTokenResource.new()
resource.token = "0_0123456789abcdef0123456789abcdef"

result = client.media_service.add_content(entry_id, resource)
puts "id: " + result.id.to_s
puts "name: " + result.name.to_s
puts "status: " + result.status.to_s
