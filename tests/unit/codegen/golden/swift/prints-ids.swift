import Foundation
import KalturaClient

// FILL IN: the entry.name you gave in step 1 (run that step first, or paste the value here).
let nameLike: String = "YOUR_NAME_LIKE"

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

        let filter = MediaEntryFilter()
        filter.nameLike = nameLike
        filter.orderBy = MediaEntryOrderBy.CREATED_AT_DESC.rawValue
        let pager = FilterPager()
        pager.pageSize = 10
        pager.pageIndex = 1
        USRExecutor.shared.send(request: MediaService.list(filter: filter, pager: pager)
            .set(completion: { (result, error2) in
                if let error2 = error2 {
                    print(error2.message ?? "request failed")
                    exit(1)
                }
                let list = result!
                print("totalCount:", list.totalCount as Any)
                for item in list.objects ?? [] {
                    print("id:", item.id as Any)
                    print("name:", item.name as Any)
                    print("status:", item.status as Any)
                }
                exit(0)
            })
            .build(client))
    })
    .build(client))

dispatchMain()
