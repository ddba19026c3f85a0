APIOkRequestsExecutor.getExecutor().queue(UploadTokenService.add()
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
