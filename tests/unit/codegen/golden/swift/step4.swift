let entryId: String = "0_abcd1234"
let resource = UploadedFileTokenResource()
resource.token = "0_0123456789abcdef0123456789abcdef"
USRExecutor.shared.send(request: MediaService.addContent(entryId: entryId, resource: resource)
    .set(completion: { (result, error) in
        if let error = error {
            print(error.message ?? "request failed")
            return
        }
        let value = result!
        print("id:", value.id as Any)
        print("name:", value.name as Any)
        print("status:", value.status as Any)
    })
    .build(client))
