import hashlib

from KalturaClient import *
from KalturaClient.Plugins.Core import *

# FILL IN: id of step 1's result (run that step first, or paste the value here).
id = "YOUR_ID"
# FILL IN: token of step 1's result (run that step first, or paste the value here).
token = "YOUR_TOKEN"

config = KalturaConfiguration()
config.serviceUrl = "http://127.0.0.1:3000"
client = KalturaClient(config)
secret = "YOUR_ADMIN_SECRET"
user_id = ""
type = KalturaSessionType.ADMIN
partner_id = 1000042
expiry = 86400
ks = client.session.start(secret, user_id, type, partner_id, expiry)
client.setKs(ks)

# tokenHash: the SHA-256 of the KS this call is made with followed by the token, in hexadecimal (what appToken.startSession checks).
# SHA-256 is the token's hashType here; hash with the token's own hashType if it has another.
token_hash = hashlib.sha256((client.getKs() + token).encode("utf-8")).hexdigest()
user_id2 = "visitor-1001"
type2 = KalturaSessionType.USER
expiry2 = 600

result = client.appToken.startSession(id, token_hash, user_id2, type2, expiry2)
print("ks:", result.ks)
print("partnerId:", result.partnerId)
print("userId:", result.userId)
print("sessionType:", result.sessionType)
print("expiry:", result.expiry)
