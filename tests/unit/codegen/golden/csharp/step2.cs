string uploadTokenId = "0_0123456789abcdef0123456789abcdef";
Stream fileData = new FileStream("/tmp/Kaltura_Logo_Animation.flv", FileMode.Open, FileAccess.Read);
bool resume = false;
bool finalChunk = true;
float resumeAt = -1;
bool done = false;
UploadTokenService.Upload(uploadTokenId, fileData, resume, finalChunk, resumeAt)
    .SetCompletion(new OnCompletedHandler<UploadToken>((UploadToken result, Exception e) =>
    {
        if (e != null)
        {
            Console.Error.WriteLine(e.Message);
            Environment.Exit(1);
        }
        Console.WriteLine("id: " + result.Id);
        Console.WriteLine("fileName: " + result.FileName);
        Console.WriteLine("status: " + result.Status);
        done = true;
    }))
    .Execute(client);

// The request completes on another thread; wait for it.
while (!done)
{
    Thread.Sleep(100);
}
