// FILL IN: id of step 1's result (run that step first, or paste the value here).
let entryId: String = "YOUR_ENTRY_ID"

let captionAsset = CaptionAsset()
captionAsset.language = Language.EN
captionAsset.format = CaptionType.SRT
captionAsset.label = "English (CC)"
captionAsset.isDefault = true
USRExecutor.shared.send(request: CaptionAssetService.add(entryId: entryId, captionAsset: captionAsset)
    .set(completion: { (result, error) in
        if let error = error {
            print(error.message ?? "request failed")
            return
        }
        let value = result!
        print("id:", value.id as Any)
        print("status:", value.status as Any)
    })
    .build(client))
