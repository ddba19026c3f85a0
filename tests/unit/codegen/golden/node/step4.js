const entryId = "0_abcd1234";
const resource = new kaltura.objects.UploadedFileTokenResource();
resource.token = "0_0123456789abcdef0123456789abcdef";
kaltura.services.media.addContent(entryId, resource)
  .execute(client)
  .then((result) => {
    console.log(JSON.stringify(result, null, 2));
  }, (err) => {
    console.error(err && err.message ? err.message : err);
  });
