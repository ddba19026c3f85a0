String uploadTokenId = "0_0123456789abcdef0123456789abcdef";
File fileData = new File("/tmp/Kaltura_Logo_Animation.flv");
boolean resume = false;
boolean finalChunk = true;
double resumeAt = -1.0;
APIOkRequestsExecutor.getExecutor().queue(UploadTokenService.upload(uploadTokenId, fileData, resume, finalChunk, resumeAt)
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
