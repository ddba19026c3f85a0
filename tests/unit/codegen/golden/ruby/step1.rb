result = client.upload_token_service.add()
puts "id: " + result.id.to_s
puts "fileName: " + result.file_name.to_s
puts "status: " + result.status.to_s
