// FILL IN: uploadTokenId (required, string): no value was given.
String uploadTokenId = "YOUR_UPLOAD_TOKEN_ID";

APIOkRequestsExecutor.getExecutor().queue(UploadTokenService.get(uploadTokenId)
    .setCompletion(result -> {
        if (!result.isSuccess()) {
            System.err.println(result.error.getMessage());
            return;
        }
        UploadToken resultValue = result.results;
        System.out.println("id: " + resultValue.getId());
        System.out.println("fileName: " + resultValue.getFileName());
        System.out.println("status: " + resultValue.getStatus());
    })
    .build(client));
