const uploadTokenId = "0_0123456789abcdef0123456789abcdef";
const fileData = "/tmp/Kaltura_Logo_Animation.flv"; // path of the file to upload (the client reads it)
const resume = false;
const finalChunk = true;
const resumeAt = -1;
kaltura.services.uploadToken.upload(uploadTokenId, fileData, resume, finalChunk, resumeAt)
  .execute(client)
  .then((result) => {
    console.log(JSON.stringify(result, null, 2));
  }, (err) => {
    console.error(err && err.message ? err.message : err);
  });
