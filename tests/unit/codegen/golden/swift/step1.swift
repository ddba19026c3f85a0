USRExecutor.shared.send(request: UploadTokenService.add()
    .set(completion: { (result, error) in
        if let error = error {
            print(error.message ?? "request failed")
            return
        }
        print(result!)
    })
    .build(client))
