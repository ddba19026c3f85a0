USRExecutor.shared.send(request: UploadTokenService.add()
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
