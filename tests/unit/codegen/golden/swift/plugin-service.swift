import Foundation
import KalturaClient

// FILL IN: id of step 4's result (run that step first, or paste the value here).
let id: String = "YOUR_ID"
// FILL IN: id of step 2's result (run that step first, or paste the value here).
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

        let contentResource = UploadedFileTokenResource()
        contentResource.token = token
        USRExecutor.shared.send(request: CaptionAssetService.setContent(id: id, contentResource: contentResource)
            .set(completion: { (result, error2) in
                if let error2 = error2 {
                    print(error2.message ?? "request failed")
                    exit(1)
                }
                let value = result!
                print("id:", value.id as Any)
                print("status:", value.status as Any)
                exit(0)
            })
            .build(client))
    })
    .build(client))

dispatchMain()
