const entry = new kaltura.objects.MediaEntry();
entry.mediaType = kaltura.enums.MediaType.VIDEO;
entry.name = "Kaltura Logo";
entry.description = "Uploaded with the recipe console";
kaltura.services.media.add(entry)
  .execute(client)
  .then((result) => {
    console.log(JSON.stringify(result, null, 2));
  }, (err) => {
    console.error(err && err.message ? err.message : err);
  });
