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
        // FILL IN: the metadataProfileId you gave in step 3 (run that step first, or paste the value here).
        int metadataProfileIdEqual = 0;
        // FILL IN: the objectId you gave in step 3 (run that step first, or paste the value here).
        string objectIdEqual = "YOUR_OBJECT_ID_EQUAL";

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

                MetadataFilter filter = new MetadataFilter();
                filter.MetadataProfileIdEqual = metadataProfileIdEqual;
                filter.ObjectIdEqual = objectIdEqual;
                filter.MetadataObjectTypeEqual = MetadataObjectType.ENTRY;
                MetadataService.List(filter)
                    .SetCompletion(new OnCompletedHandler<ListResponse<Metadata>>((ListResponse<Metadata> result, Exception e2) =>
                    {
                        if (e2 != null)
                        {
                            Console.Error.WriteLine(e2.Message);
                            Environment.Exit(1);
                        }
                        Console.WriteLine("totalCount: " + result.TotalCount);
                        foreach (Metadata item in result.Objects)
                        {
                            Console.WriteLine("id: " + item.Id + " " + "status: " + item.Status + " " + "version: " + item.Version);
                        }
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
