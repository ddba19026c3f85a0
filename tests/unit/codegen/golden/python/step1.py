result = client.uploadToken.add()
print(result)
