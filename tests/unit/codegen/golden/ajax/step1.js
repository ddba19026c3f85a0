KalturaUploadTokenService.add()
  .execute(client, function(success, results) {
    if (!success || (results && results.code && results.message)) {
      console.error(results);
    } else {
      console.log(results);
    }
  });
