var entry = {objectType: "KalturaMediaEntry"};
entry.mediaType = 1 /* KalturaMediaType.VIDEO */;
entry.name = "Kaltura Logo";
entry.description = "Uploaded with the recipe console";
KalturaMediaService.add(entry)
  .execute(client, function(success, results) {
    if (!success || (results && results.code && results.message)) {
      console.error(results);
    } else {
      console.log(results);
    }
  });
