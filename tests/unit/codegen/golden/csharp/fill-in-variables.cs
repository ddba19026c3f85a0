// FILL IN: uploadTokenId (required, string): no value was given.
string uploadTokenId = "YOUR_UPLOAD_TOKEN_ID";

bool done = false;
UploadTokenService.Get(uploadTokenId)
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
