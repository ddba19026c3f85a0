// FILL IN: uploadTokenId (required, string): no value was given.
var uploadTokenId = "YOUR_UPLOAD_TOKEN_ID";

KalturaUploadTokenService.get(uploadTokenId)
  .execute(client, function(success, results) {
    if (!success || (results && results.code && results.message)) {
      console.error(results);
    } else {
      console.log(results);
    }
  });
