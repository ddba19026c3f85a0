let uploadTokenId: String = "0_0123456789abcdef0123456789abcdef"
let fileData: RequestFile = URL(fileURLWithPath: "/tmp/Kaltura_Logo_Animation.flv")
let resume: Bool = false
let finalChunk: Bool = true
let resumeAt: Double = -1
USRExecutor.shared.send(request: UploadTokenService.upload(uploadTokenId: uploadTokenId, fileData: fileData, resume: resume, finalChunk: finalChunk, resumeAt: resumeAt)
    .set(completion: { (result, error) in
        if let error = error {
            print(error.message ?? "request failed")
            return
        }
        print(result!)
    })
    .build(client))
