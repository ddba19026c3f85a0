MediaEntry entry = new MediaEntry();
entry.MediaType = MediaType.VIDEO;
entry.Name = "Kaltura Logo";
entry.Description = "Uploaded with the recipe console";
bool done = false;
MediaService.Add(entry)
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
