string entryId = "0_abcd1234";
UploadedFileTokenResource resource = new UploadedFileTokenResource();
resource.Token = "0_0123456789abcdef0123456789abcdef";
bool done = false;
MediaService.AddContent(entryId, resource)
    .SetCompletion(new OnCompletedHandler<MediaEntry>((MediaEntry result, Exception e) =>
    {
        if (e != null)
        {
            Console.Error.WriteLine(e.Message);
            Environment.Exit(1);
        }
        Console.WriteLine("id: " + result.Id);
        Console.WriteLine("name: " + result.Name);
        Console.WriteLine("status: " + result.Status);
        done = true;
    }))
    .Execute(client);

// The request completes on another thread; wait for it.
while (!done)
{
    Thread.Sleep(100);
}
