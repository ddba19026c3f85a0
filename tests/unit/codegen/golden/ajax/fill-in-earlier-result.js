// FILL IN: id of step 3's result (run that step first, or paste the value here).
var entryId = "YOUR_ENTRY_ID";
// FILL IN: id of step 1's result (run that step first, or paste the value here).
var token = "YOUR_TOKEN";

var resource = {objectType: "KalturaUploadedFileTokenResource"};
resource.token = token;
KalturaMediaService.addContent(entryId, resource)
  .execute(client, function(success, results) {
    if (!success || (results && results.code && results.message)) {
      console.error(results);
    } else {
      console.log(results);
    }
  });
