// FILL IN: uploadTokenId (required, string): no value was given.
const uploadTokenId = "YOUR_UPLOAD_TOKEN_ID";

kaltura.services.uploadToken.get(uploadTokenId)
  .execute(client)
  .then((result) => {
    console.log(JSON.stringify(result, null, 2));
  }, (err) => {
    console.error(err && err.message ? err.message : err);
  });
