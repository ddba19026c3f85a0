let searchParams = ESearchEntryParams()
let searchOperator = ESearchEntryOperator()
searchOperator.operator_ = ESearchOperatorType.AND_OP
let searchItemsItem = ESearchUnifiedItem()
searchItemsItem.searchTerm = "keynote"
searchItemsItem.itemType = ESearchItemType.PARTIAL
let searchItemsItem2 = ESearchEntryItem()
searchItemsItem2.fieldName = ESearchEntryFieldName.NAME
searchItemsItem2.searchTerm = "2026"
searchItemsItem2.itemType = ESearchItemType.EXACT_MATCH
searchOperator.searchItems = [searchItemsItem, searchItemsItem2]
searchParams.searchOperator = searchOperator
let pager = Pager()
pager.pageSize = 20
USRExecutor.shared.send(request: ESearchService.searchEntry(searchParams: searchParams, pager: pager)
    .set(completion: { (result, error) in
        if let error = error {
            print(error.message ?? "request failed")
            return
        }
        let list = result!
        print("totalCount:", list.totalCount as Any)
        for item in list.objects ?? [] {
            print("highlight:", item.highlight as Any)
        }
    })
    .build(client))
