// FILL IN: id of step 1's result (run that step first, or paste the value here).
String entryId = "YOUR_ENTRY_ID";

CaptionAsset captionAsset = new CaptionAsset();
captionAsset.setLanguage(Language.EN);
captionAsset.setFormat(CaptionType.SRT);
captionAsset.setLabel("English (CC)");
captionAsset.setIsDefault(true);
APIOkRequestsExecutor.getExecutor().queue(CaptionAssetService.add(entryId, captionAsset)
    .setCompletion(result -> {
        if (!result.isSuccess()) {
            System.err.println(result.error.getMessage());
            return;
        }
        CaptionAsset resultValue = result.results;
        System.out.println("id: " + resultValue.getId());
        System.out.println("status: " + resultValue.getStatus());
    })
    .build(client));
