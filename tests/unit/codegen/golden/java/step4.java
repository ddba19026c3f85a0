String entryId = "0_abcd1234";
UploadedFileTokenResource resource = new UploadedFileTokenResource();
resource.setToken("0_0123456789abcdef0123456789abcdef");
APIOkRequestsExecutor.getExecutor().queue(MediaService.addContent(entryId, resource)
    .setCompletion(result -> {
        if (!result.isSuccess()) {
            System.err.println(result.error.getMessage());
            return;
        }
        MediaEntry resultValue = result.results;
        System.out.println("id: " + resultValue.getId());
        System.out.println("name: " + resultValue.getName());
        System.out.println("status: " + resultValue.getStatus());
    })
    .build(client));
