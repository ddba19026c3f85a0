using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Kaltura;
using Kaltura.Enums;
using Kaltura.Request;
using Kaltura.Services;
using Kaltura.Types;

class CodeExample
{
    static void Main(string[] args)
    {
        // FILL IN: id of step 4's result (run that step first, or paste the value here).
        string id = "YOUR_ID";
        // FILL IN: id of step 2's result (run that step first, or paste the value here).
        string token = "YOUR_TOKEN";

        Configuration config = new Configuration();
        config.ServiceUrl = "http://127.0.0.1:3000";
        Client client = new Client(config);
        string secret = "YOUR_ADMIN_SECRET";
        string userId = "";
        SessionType type = SessionType.ADMIN;
        int partnerId = 1000042;
        int expiry = 86400;
        bool done = false;

        SessionService.Start(secret, userId, type, partnerId, expiry)
            .SetCompletion(new OnCompletedHandler<string>((string ks, Exception e) =>
            {
                if (e != null)
                {
                    Console.Error.WriteLine(e.Message);
                    Environment.Exit(1);
                }
                client.KS = ks;

                UploadedFileTokenResource contentResource = new UploadedFileTokenResource();
                contentResource.Token = token;
                CaptionAssetService.SetContent(id, contentResource)
                    .SetCompletion(new OnCompletedHandler<CaptionAsset>((CaptionAsset result, Exception e2) =>
                    {
                        if (e2 != null)
                        {
                            Console.Error.WriteLine(e2.Message);
                            Environment.Exit(1);
                        }
                        Console.WriteLine("id: " + result.Id);
                        Console.WriteLine("status: " + result.Status);
                        done = true;
                    }))
                    .Execute(client);
            }))
            .Execute(client);

        // The request completes on another thread; wait for it.
        while (!done)
        {
            Thread.Sleep(100);
        }
    }
}
