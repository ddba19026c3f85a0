import { UploadTokenUploadAction } from 'kaltura-ngx-client';

// In a component or service that injects `private kaltura: KalturaClient`:
const uploadTokenId = "0_0123456789abcdef0123456789abcdef";
// The File the user chose in an <input type="file"> of your template.
const fileData: File = (document.querySelector('input[type="file"]') as HTMLInputElement).files![0];
const resume = false;
const finalChunk = true;
const resumeAt = -1;
this.kaltura.request(new UploadTokenUploadAction({ uploadTokenId, fileData, resume, finalChunk, resumeAt }))
  .subscribe(
    (result) => console.log(result),
    (error) => console.error(error.message),
  );
