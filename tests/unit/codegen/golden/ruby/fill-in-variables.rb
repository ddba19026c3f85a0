# FILL IN: uploadTokenId (required, string): no value was given.
upload_token_id = "YOUR_UPLOAD_TOKEN_ID"

result = client.upload_token_service.get(upload_token_id)
puts "id: " + result.id.to_s
puts "fileName: " + result.file_name.to_s
puts "status: " + result.status.to_s
