// FILL IN: id of step 3's result (run that step first, or paste the value here).
String entryId = "YOUR_ENTRY_ID";
// FILL IN: id of step 1's result (run that step first, or paste the value here).
String token = "YOUR_TOKEN";

UploadedFileTokenResource resource = new UploadedFileTokenResource();
resource.setToken(token);
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
