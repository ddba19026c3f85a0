import Foundation
import KalturaClient

// FILL IN: objectId (required, string): no value was given.
let objectId: String = "YOUR_OBJECT_ID"

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

        // Step 1: metadataProfile.add
        let metadataProfile = MetadataProfile()
        metadataProfile.metadataObjectType = MetadataObjectType.ENTRY
        metadataProfile.name = "Production details"
        metadataProfile.systemName = "production_details"
        metadataProfile.createMode = MetadataProfileCreateMode.API
        let xsdData: String = "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><xsd:element name=\"metadata\"><xsd:complexType><xsd:sequence><xsd:element name=\"Director\" type=\"xsd:string\"/></xsd:sequence></xsd:complexType></xsd:element></xsd:schema>"
        USRExecutor.shared.send(request: MetadataProfileService.add(metadataProfile: metadataProfile, xsdData: xsdData)
            .set(completion: { (metadataProfileResult, error2) in
                if let error2 = error2 {
                    print(error2.message ?? "request failed")
                    exit(1)
                }
                let metadataProfile2 = metadataProfileResult!
                let value = metadataProfileResult!
                print("id:", value.id as Any)
                print("name:", value.name as Any)
                print("status:", value.status as Any)

                // Step 2: metadata.add
                let metadataProfileId = metadataProfile2.id!
                let objectType: MetadataObjectType = MetadataObjectType.ENTRY
                let xmlData: String = "<metadata><Director>Ada Lovelace</Director></metadata>"
                USRExecutor.shared.send(request: MetadataService.add(metadataProfileId: numericCast(metadataProfileId), objectType: objectType, objectId: objectId, xmlData: xmlData)
                    .set(completion: { (metadataResult, error3) in
                        if let error3 = error3 {
                            print(error3.message ?? "request failed")
                            exit(1)
                        }
                        let metadata = metadataResult!
                        let value = metadataResult!
                        print("id:", value.id as Any)
                        print("status:", value.status as Any)

                        // Step 3: metadata.list
                        let filter = MetadataFilter()
                        filter.metadataProfileIdEqual = metadataProfile2.id!
                        filter.metadataObjectTypeEqual = MetadataObjectType.ENTRY
                        filter.objectIdEqual = objectId
                        USRExecutor.shared.send(request: MetadataService.list(filter: filter)
                            .set(completion: { (metadataListResponseResult, error4) in
                                if let error4 = error4 {
                                    print(error4.message ?? "request failed")
                                    exit(1)
                                }
                                let metadataListResponse = metadataListResponseResult!
                                let list = metadataListResponseResult!
                                print("totalCount:", list.totalCount as Any)
                                for item in list.objects ?? [] {
                                    print("id:", item.id as Any)
                                    print("status:", item.status as Any)
                                }

                                // Step 4: category.add
                                let category = Category()
                                category.name = "Conference 2026"
                                category.description = "Talks from the \"big\" conference"
                                category.privacy = PrivacyType.ALL
                                category.appearInList = AppearInListType.PARTNER_ONLY
                                USRExecutor.shared.send(request: CategoryService.add(category: category)
                                    .set(completion: { (categoryResult, error5) in
                                        if let error5 = error5 {
                                            print(error5.message ?? "request failed")
                                            exit(1)
                                        }
                                        let category2 = categoryResult!
                                        let value = categoryResult!
                                        print("id:", value.id as Any)
                                        print("name:", value.name as Any)
                                        print("status:", value.status as Any)

                                        // Step 5: categoryEntry.add
                                        let categoryEntry = CategoryEntry()
                                        categoryEntry.categoryId = category2.id!
                                        categoryEntry.entryId = objectId
                                        USRExecutor.shared.send(request: CategoryEntryService.add(categoryEntry: categoryEntry)
                                            .set(completion: { (categoryEntryResult, error6) in
                                                if let error6 = error6 {
                                                    print(error6.message ?? "request failed")
                                                    exit(1)
                                                }
                                                let categoryEntry2 = categoryEntryResult!
                                                let value = categoryEntryResult!
                                                print("status:", value.status as Any)

                                                // Step 6: media.list
                                                let filter2 = MediaEntryFilter()
                                                filter2.categoriesIdsMatchAnd = String(category2.id!)
                                                filter2.mediaTypeEqual = MediaType.VIDEO
                                                filter2.statusIn = "2,4"
                                                filter2.orderBy = MediaEntryOrderBy.NAME_ASC.rawValue
                                                let pager = FilterPager()
                                                pager.pageSize = 25
                                                pager.pageIndex = 1
                                                USRExecutor.shared.send(request: MediaService.list(filter: filter2, pager: pager)
                                                    .set(completion: { (mediaListResponseResult, error7) in
                                                        if let error7 = error7 {
                                                            print(error7.message ?? "request failed")
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
