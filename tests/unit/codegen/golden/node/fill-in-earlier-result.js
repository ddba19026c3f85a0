// FILL IN: id of step 3's result (run that step first, or paste the value here).
const entryId = "YOUR_ENTRY_ID";
// FILL IN: id of step 1's result (run that step first, or paste the value here).
const token = "YOUR_TOKEN";

const resource = new kaltura.objects.UploadedFileTokenResource();
resource.token = token;
kaltura.services.media.addContent(entryId, resource)
  .execute(client)
  .then((result) => {
    console.log(JSON.stringify(result, null, 2));
  }, (err) => {
    console.error(err && err.message ? err.message : err);
  });
