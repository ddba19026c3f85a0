require 'digest'
require 'kaltura'
include Kaltura

# FILL IN: id of step 1's result (run that step first, or paste the value here).
id = "YOUR_ID"
# FILL IN: token of step 1's result (run that step first, or paste the value here).
token = "YOUR_TOKEN"

config = KalturaConfiguration.new()
config.service_url = "http://127.0.0.1:3000"
client = KalturaClient.new(config)
secret = "YOUR_ADMIN_SECRET"
user_id = ""
type = KalturaSessionType::ADMIN
partner_id = 1000042
expiry = 86400
client.ks = client.session_service.start(secret, user_id, type, partner_id, expiry)

# tokenHash: the SHA-256 of the KS this call is made with followed by the token, in hexadecimal (what appToken.startSession checks).
# SHA-256 is the token's hashType here; hash with the token's own hashType if it has another.
token_hash = Digest::SHA256.hexdigest(client.ks + token)
user_id2 = "visitor-1001"
type2 = KalturaSessionType::USER
expiry2 = 600

result = client.app_token_service.start_session(id, token_hash, user_id2, type2, expiry2)
puts "ks: " + result.ks.to_s
puts "partnerId: " + result.partner_id.to_s
puts "userId: " + result.user_id.to_s
puts "sessionType: " + result.session_type.to_s
puts "expiry: " + result.expiry.to_s
