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

        // Step 1: session.start
        let secret2: String = "YOUR_ADMIN_SECRET"
        let userId2: String = ""
        let type2: SessionType = SessionType.ADMIN
        let partnerId2: Int = 1000042
        let expiry2: Int = 3600
        USRExecutor.shared.send(request: SessionService.start(secret: secret2, userId: userId2, type: type2, partnerId: numericCast(partnerId2), expiry: numericCast(expiry2))
            .set(completion: { (ksResult, error2) in
                if let error2 = error2 {
                    print(error2.message ?? "request failed")
                    exit(1)
                }
                let ks2 = ksResult!
                print("session.start:", ksResult!)

                // Step 2: media.list
                let filter: MediaEntryFilter? = nil
                let pager = FilterPager()
                pager.pageSize = 5
                pager.pageIndex = 1
                USRExecutor.shared.send(request: MediaService.list(filter: filter, pager: pager)
                    .set(completion: { (mediaListResponseResult, error3) in
                        if let error3 = error3 {
                            print(error3.message ?? "request failed")
                            exit(1)
                        }
                        let mediaListResponse = mediaListResponseResult!
                        let list = mediaListResponseResult!
                        print("totalCount:", list.totalCount as Any)
                        for item in list.objects ?? [] {
                            print("id:", item.id as Any)
                            print("name:", item.name as Any)
                            print("status:", item.status as Any)
                        }

                        // Step 3: media.list
                        let filter2 = MediaEntryFilter()
                        filter2.nameLike = "Kaltura"
                        filter2.statusEqual = EntryStatus.READY
                        filter2.orderBy = MediaEntryOrderBy.CREATED_AT_DESC.rawValue
                        let pager2 = FilterPager()
                        pager2.pageSize = 1
                        USRExecutor.shared.send(request: MediaService.list(filter: filter2, pager: pager2)
                            .set(completion: { (mediaListResponseResult2, error4) in
                                if let error4 = error4 {
                                    print(error4.message ?? "request failed")
                                    exit(1)
                                }
                                let mediaListResponse2 = mediaListResponseResult2!
                                let list = mediaListResponseResult2!
                                print("totalCount:", list.totalCount as Any)
                                for item in list.objects ?? [] {
                                    print("id:", item.id as Any)
                                    print("name:", item.name as Any)
                                    print("status:", item.status as Any)
                                }

                                // Step 5: media.get
                                let entryId = mediaListResponse2.objects![0].id!
                                let version: Int = 0
                                USRExecutor.shared.send(request: MediaService.get(entryId: entryId, version: numericCast(version))
                                    .set(completion: { (mediaEntryResult, error5) in
                                        if let error5 = error5 {
                                            print(error5.message ?? "request failed")
                                            exit(1)
                                        }
                                        let mediaEntry = mediaEntryResult!
                                        let value = mediaEntryResult!
                                        print("id:", value.id as Any)
                                        print("name:", value.name as Any)
                                        print("status:", value.status as Any)

                                        // Step 6: media.update
                                        let entryId2: String = entryId
                                        let mediaEntry2 = MediaEntry()
                                        mediaEntry2.name = "Renamed"
                                        mediaEntry2.tags = "a,b"
                                        USRExecutor.shared.send(request: MediaService.update(entryId: entryId2, mediaEntry: mediaEntry2)
                                            .set(completion: { (mediaEntryResult2, error6) in
                                                if let error6 = error6 {
                                                    print(error6.message ?? "request failed")
                                                    exit(1)
                                                }
                                                let mediaEntry3 = mediaEntryResult2!
                                                let value = mediaEntryResult2!
                                                print("id:", value.id as Any)
                                                print("name:", value.name as Any)
                                                print("status:", value.status as Any)

                                                // Step 7: media.delete
                                                let entryId3: String = entryId2
                                                USRExecutor.shared.send(request: MediaService.delete(entryId: entryId3)
                                                    .set(completion: { (resultResult, error7) in
                                                        if let error7 = error7 {
                                                            print(error7.message ?? "request failed")
                                                            exit(1)
                                                        }
                                                        print("media.delete: done")

                                                        exit(0)
                                                    })
                                                    .build(client))
                                            })
                                            .build(client))
                                    })
                                    .build(client))
                            })
                            .build(client))
                    })
                    .build(client))
            })
            .build(client))
    })
    .build(client))

// The completions end the program (exit); keep it running until then.
dispatchMain()
