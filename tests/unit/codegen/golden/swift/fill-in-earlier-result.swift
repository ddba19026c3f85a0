// FILL IN: id of step 3's result (run that step first, or paste the value here).
let entryId: String = "YOUR_ENTRY_ID"
// FILL IN: id of step 1's result (run that step first, or paste the value here).
let token: String = "YOUR_TOKEN"

let resource = UploadedFileTokenResource()
resource.token = token
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
