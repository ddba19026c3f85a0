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

        // Step 1: uploadToken.add
        USRExecutor.shared.send(request: UploadTokenService.add()
            .set(completion: { (uploadTokenResult, error2) in
                if let error2 = error2 {
                    print(error2.message ?? "request failed")
                    exit(1)
                }
                let uploadToken = uploadTokenResult!
                let value = uploadTokenResult!
                print("id:", value.id as Any)
                print("fileName:", value.fileName as Any)
                print("status:", value.status as Any)

                // Step 2: uploadToken.upload
                let uploadTokenId = uploadToken.id!
                let fileData: RequestFile = try! RequestFileElement(url: URL(fileURLWithPath: "/tmp/Kaltura_Logo_Animation.flv"))!
                let resume: Bool = false
                let finalChunk: Bool = true
                let resumeAt: Double = -1
                USRExecutor.shared.send(request: UploadTokenService.upload(uploadTokenId: uploadTokenId, fileData: fileData, resume: resume, finalChunk: finalChunk, resumeAt: resumeAt)
                    .set(completion: { (uploadTokenResult2, error3) in
                        if let error3 = error3 {
                            print(error3.message ?? "request failed")
                            exit(1)
                        }
                        let uploadToken2 = uploadTokenResult2!
                        let value = uploadTokenResult2!
                        print("id:", value.id as Any)
                        print("fileName:", value.fileName as Any)
                        print("status:", value.status as Any)

                        // Step 3: media.add
                        let entry = MediaEntry()
                        entry.mediaType = MediaType.VIDEO
                        entry.name = "Kaltura Logo"
                        entry.description = "Uploaded with the recipe console"
                        USRExecutor.shared.send(request: MediaService.add(entry: entry)
                            .set(completion: { (mediaEntryResult, error4) in
                                if let error4 = error4 {
                                    print(error4.message ?? "request failed")
                                    exit(1)
                                }
                                let mediaEntry = mediaEntryResult!
                                let value = mediaEntryResult!
                                print("id:", value.id as Any)
                                print("name:", value.name as Any)
                                print("status:", value.status as Any)

                                // Step 4: media.addContent
                                let entryId = mediaEntry.id!
                                let resource = UploadedFileTokenResource()
                                resource.token = uploadToken.id!
                                USRExecutor.shared.send(request: MediaService.addContent(entryId: entryId, resource: resource)
                                    .set(completion: { (mediaEntryResult2, error5) in
                                        if let error5 = error5 {
                                            print(error5.message ?? "request failed")
                                            exit(1)
                                        }
                                        let mediaEntry2 = mediaEntryResult2!
                                        let value = mediaEntryResult2!
                                        print("id:", value.id as Any)
                                        print("name:", value.name as Any)
                                        print("status:", value.status as Any)

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

// The completions end the program (exit); keep it running until then.
dispatchMain()
