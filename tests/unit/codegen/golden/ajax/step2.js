var uploadTokenId = "0_0123456789abcdef0123456789abcdef";
// The <input type="file"> on your page where the user chose the file (the client sends its first file).
var fileData = document.querySelector('input[type="file"]');
var resume = false;
var finalChunk = true;
var resumeAt = -1;
KalturaUploadTokenService.upload(uploadTokenId, fileData, resume, finalChunk, resumeAt)
  .execute(client, function(success, results) {
    if (!success || (results && results.code && results.message)) {
      console.error(results);
    } else {
      console.log(results);
    }
  });
