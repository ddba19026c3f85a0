result = client.upload_token_service.add()
puts result.inspect
