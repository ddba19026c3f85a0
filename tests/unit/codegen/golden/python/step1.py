result = client.uploadToken.add()
print("id:", result.id)
print("fileName:", result.fileName)
print("status:", result.status)
