let entryId: String = "0_abcd1234"
let resource = UploadedFileTokenResource()
resource.token = "0_0123456789abcdef0123456789abcdef"
USRExecutor.shared.send(request: MediaService.addContent(entryId: entryId, resource: resource)
    .set(completion: { (result, error) in
        if let error = error {
            print(error.message ?? "request failed")
            return
        }
        print(result!)
    })
    .build(client))
