let uploadTokenId: String = "0_0123456789abcdef0123456789abcdef"
let fileData: RequestFile = try! RequestFileElement(url: URL(fileURLWithPath: "/tmp/Kaltura_Logo_Animation.flv"))!
let resume: Bool = false
let finalChunk: Bool = true
let resumeAt: Double = -1
USRExecutor.shared.send(request: UploadTokenService.upload(uploadTokenId: uploadTokenId, fileData: fileData, resume: resume, finalChunk: finalChunk, resumeAt: resumeAt)
    .set(completion: { (result, error) in
        if let error = error {
            print(error.message ?? "request failed")
            return
        }
        let value = result!
        print("id:", value.id as Any)
        print("fileName:", value.fileName as Any)
        print("status:", value.status as Any)
    })
    .build(client))
