filter = None
pager = KalturaFilterPager()
pager.pageSize = 5
pager.pageIndex = 1

result = client.media.list(filter, pager)
print("totalCount:", result.totalCount)
for item in result.objects:
    print("id:", item.id, "name:", item.name, "status:", item.status)
