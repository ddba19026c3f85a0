var entryId = "0_abcd1234";
var resource = {objectType: "KalturaUploadedFileTokenResource"};
resource.token = "0_0123456789abcdef0123456789abcdef";
KalturaMediaService.addContent(entryId, resource)
  .execute(client, function(success, results) {
    if (!success || (results && results.code && results.message)) {
      console.error(results);
    } else {
      console.log(results);
    }
  });
