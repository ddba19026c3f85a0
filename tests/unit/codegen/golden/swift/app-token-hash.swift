import Foundation
import CryptoKit
import KalturaClient

// FILL IN: id of step 1's result (run that step first, or paste the value here).
let id: String = "YOUR_ID"
// FILL IN: token of step 1's result (run that step first, or paste the value here).
let token: String = "YOUR_TOKEN"

let config = ConnectionConfiguration()
config.endPoint = URL(string: "http://127.0.0.1:3000")!
let client = Client(config)
let secret: String = "YOUR_ADMIN_SECRET"
let userId: String = ""
let type: SessionType = SessionType.ADMIN
let partnerId: Int = 1000042
let expiry: Int = 86400

USRExecutor.shared.send(request: SessionService.start(secret: secret, userId: userId, type: type, partnerId: numericCast(partnerId), expiry: numericCast(expiry))
    .set(completion: { (ks, error) in
        if let error = error {
            print(error.message ?? "request failed")
            exit(1)
        }
        client.ks = ks

        // tokenHash: the SHA-256 of the KS this call is made with followed by the token, in hexadecimal (what appToken.startSession checks).
        // SHA-256 is the token's hashType here; hash with the token's own hashType if it has another.
        let tokenHash = SHA256.hash(data: Data((client.ks! + token).utf8)).map { String(format: "%02x", $0) }.joined()
        let userId2: String = "visitor-1001"
        let type2: SessionType = SessionType.USER
        let expiry2: Int = 600
        USRExecutor.shared.send(request: AppTokenService.startSession(id: id, tokenHash: tokenHash, userId: userId2, type: type2, expiry: numericCast(expiry2))
            .set(completion: { (result, error2) in
                if let error2 = error2 {
                    print(error2.message ?? "request failed")
                    exit(1)
                }
                let value = result!
                print("ks:", value.ks as Any)
                print("partnerId:", value.partnerId as Any)
                print("userId:", value.userId as Any)
                print("sessionType:", value.sessionType as Any)
                print("expiry:", value.expiry as Any)
                exit(0)
            })
            .build(client))
    })
    .build(client))

dispatchMain()
