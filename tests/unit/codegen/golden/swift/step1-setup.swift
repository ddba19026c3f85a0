import Foundation
import KalturaClient

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

        USRExecutor.shared.send(request: UploadTokenService.add()
            .set(completion: { (result, error2) in
                if let error2 = error2 {
                    print(error2.message ?? "request failed")
                    exit(1)
                }
                let value = result!
                print("id:", value.id as Any)
                print("fileName:", value.fileName as Any)
                print("status:", value.status as Any)
                exit(0)
            })
            .build(client))
    })
    .build(client))

dispatchMain()
