MediaEntryFilter filter = null;
FilterPager pager = new FilterPager();
pager.setPageSize(5);
pager.setPageIndex(1);
APIOkRequestsExecutor.getExecutor().queue(MediaService.list(filter, pager)
    .setCompletion(result -> {
        if (!result.isSuccess()) {
            System.err.println(result.error.getMessage());
            return;
        }
        ListResponse<MediaEntry> resultValue = result.results;
        System.out.println("totalCount: " + resultValue.getTotalCount());
        for (MediaEntry item : resultValue.getObjects()) {
            System.out.println("id: " + item.getId() + " " + "name: " + item.getName() + " " + "status: " + item.getStatus());
        }
    })
    .build(client));
