// FILL IN: uploadTokenId (required, string): no value was given.
let uploadTokenId: String = "YOUR_UPLOAD_TOKEN_ID"

USRExecutor.shared.send(request: UploadTokenService.get(uploadTokenId: uploadTokenId)
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
