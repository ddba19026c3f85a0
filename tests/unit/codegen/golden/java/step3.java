MediaEntry entry = new MediaEntry();
entry.setMediaType(MediaType.VIDEO);
entry.setName("Kaltura Logo");
entry.setDescription("Uploaded with the recipe console");
APIOkRequestsExecutor.getExecutor().queue(MediaService.add(entry)
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
