user = KalturaUser()
user.id = "ada@example.com"
user.email = "ada@example.com"
user.firstName = "Ada"
user.lastName = "Lovelace"
user.isAdmin = False
user.type = KalturaUserType.USER

result = client.user.add(user)
print("id:", result.id)
print("status:", result.status)
