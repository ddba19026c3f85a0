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
        print(result!)
    })
    .build(client))
