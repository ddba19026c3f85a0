// FILL IN: id of step 1's result (run that step first, or paste the value here).
string entryId = "YOUR_ENTRY_ID";

CaptionAsset captionAsset = new CaptionAsset();
captionAsset.Language = Language.EN;
captionAsset.Format = CaptionType.SRT;
captionAsset.Label = "English (CC)";
captionAsset.IsDefault = NullableBoolean.TRUE_VALUE;
bool done = false;
CaptionAssetService.Add(entryId, captionAsset)
    .SetCompletion(new OnCompletedHandler<CaptionAsset>((CaptionAsset result, Exception e) =>
    {
        if (e != null)
        {
            Console.Error.WriteLine(e.Message);
            Environment.Exit(1);
        }
        Console.WriteLine("id: " + result.Id);
        Console.WriteLine("status: " + result.Status);
        done = true;
    }))
    .Execute(client);

// The request completes on another thread; wait for it.
while (!done)
{
    Thread.Sleep(100);
}
