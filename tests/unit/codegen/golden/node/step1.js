kaltura.services.uploadToken.add()
  .execute(client)
  .then((result) => {
    console.log(JSON.stringify(result, null, 2));
  }, (err) => {
    console.error(err && err.message ? err.message : err);
  });
