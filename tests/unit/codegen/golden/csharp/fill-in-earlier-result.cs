// FILL IN: id of step 3's result (run that step first, or paste the value here).
string entryId = "YOUR_ENTRY_ID";
// FILL IN: id of step 1's result (run that step first, or paste the value here).
string token = "YOUR_TOKEN";

UploadedFileTokenResource resource = new UploadedFileTokenResource();
resource.Token = token;
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
