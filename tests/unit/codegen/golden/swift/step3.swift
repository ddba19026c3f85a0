let entry = MediaEntry()
entry.mediaType = MediaType.VIDEO
entry.name = "Kaltura Logo"
entry.description = "Uploaded with the recipe console"
USRExecutor.shared.send(request: MediaService.add(entry: entry)
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
