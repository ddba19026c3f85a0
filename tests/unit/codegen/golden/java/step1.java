APIOkRequestsExecutor.getExecutor().queue(UploadTokenService.add()
    .setCompletion(result -> {
        if (!result.isSuccess()) {
            System.err.println(result.error.getMessage());
            return;
        }
        System.out.println(result.results);
    })
    .build(client));
