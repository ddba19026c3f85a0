# FILL IN: uploadTokenId (required, string): no value was given.
upload_token_id = "YOUR_UPLOAD_TOKEN_ID"

result = client.uploadToken.get(upload_token_id)
print("id:", result.id)
print("fileName:", result.fileName)
print("status:", result.status)
