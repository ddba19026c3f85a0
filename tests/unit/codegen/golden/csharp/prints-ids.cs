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
        // FILL IN: the entry.name you gave in step 1 (run that step first, or paste the value here).
        string nameLike = "YOUR_NAME_LIKE";

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

                MediaEntryFilter filter = new MediaEntryFilter();
                filter.NameLike = nameLike;
                filter.OrderBy = MediaEntryOrderBy.CREATED_AT_DESC;
                FilterPager pager = new FilterPager();
                pager.PageSize = 10;
                pager.PageIndex = 1;
                MediaService.List(filter, pager)
                    .SetCompletion(new OnCompletedHandler<ListResponse<MediaEntry>>((ListResponse<MediaEntry> result, Exception e2) =>
                    {
                        if (e2 != null)
                        {
                            Console.Error.WriteLine(e2.Message);
                            Environment.Exit(1);
                        }
                        Console.WriteLine("totalCount: " + result.TotalCount);
                        foreach (MediaEntry item in result.Objects)
                        {
                            Console.WriteLine("id: " + item.Id + " " + "name: " + item.Name + " " + "status: " + item.Status);
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
