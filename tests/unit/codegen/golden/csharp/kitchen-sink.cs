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

                // Step 1: session.start
                string secret2 = "YOUR_ADMIN_SECRET";
                string userId2 = "";
                SessionType type2 = SessionType.ADMIN;
                int partnerId2 = 1000042;
                int expiry2 = 3600;
                SessionService.Start(secret2, userId2, type2, partnerId2, expiry2)
                    .SetCompletion(new OnCompletedHandler<string>((string ks2, Exception e2) =>
                    {
                        if (e2 != null)
                        {
                            Console.Error.WriteLine(e2.Message);
                            Environment.Exit(1);
                        }
                        Console.WriteLine("session.start: " + ks2);

                        // Step 2: media.list
                        MediaEntryFilter filter = null;
                        FilterPager pager = new FilterPager();
                        pager.PageSize = 5;
                        pager.PageIndex = 1;
                        MediaService.List(filter, pager)
                            .SetCompletion(new OnCompletedHandler<ListResponse<MediaEntry>>((ListResponse<MediaEntry> mediaListResponse, Exception e3) =>
                            {
                                if (e3 != null)
                                {
                                    Console.Error.WriteLine(e3.Message);
                                    Environment.Exit(1);
                                }
                                Console.WriteLine("totalCount: " + mediaListResponse.TotalCount);
                                foreach (MediaEntry item in mediaListResponse.Objects)
                                {
                                    Console.WriteLine("id: " + item.Id + " " + "name: " + item.Name + " " + "status: " + item.Status);
                                }

                                // Step 3: media.list
                                MediaEntryFilter filter2 = new MediaEntryFilter();
                                filter2.NameLike = "Kaltura";
                                filter2.StatusEqual = EntryStatus.READY;
                                filter2.OrderBy = MediaEntryOrderBy.CREATED_AT_DESC;
                                FilterPager pager2 = new FilterPager();
                                pager2.PageSize = 1;
                                MediaService.List(filter2, pager2)
                                    .SetCompletion(new OnCompletedHandler<ListResponse<MediaEntry>>((ListResponse<MediaEntry> mediaListResponse2, Exception e4) =>
                                    {
                                        if (e4 != null)
                                        {
                                            Console.Error.WriteLine(e4.Message);
                                            Environment.Exit(1);
                                        }
                                        Console.WriteLine("totalCount: " + mediaListResponse2.TotalCount);
                                        foreach (MediaEntry item in mediaListResponse2.Objects)
                                        {
                                            Console.WriteLine("id: " + item.Id + " " + "name: " + item.Name + " " + "status: " + item.Status);
                                        }

                                        // Step 5: media.get
                                        string entryId = mediaListResponse2.Objects[0].Id;
                                        int version = 0;
                                        MediaService.Get(entryId, version)
                                            .SetCompletion(new OnCompletedHandler<MediaEntry>((MediaEntry mediaEntry, Exception e5) =>
                                            {
                                                if (e5 != null)
                                                {
                                                    Console.Error.WriteLine(e5.Message);
                                                    Environment.Exit(1);
                                                }
                                                Console.WriteLine("id: " + mediaEntry.Id);
                                                Console.WriteLine("name: " + mediaEntry.Name);
                                                Console.WriteLine("status: " + mediaEntry.Status);

                                                // Step 6: media.update
                                                string entryId2 = entryId;
                                                MediaEntry mediaEntry2 = new MediaEntry();
                                                mediaEntry2.Name = "Renamed";
                                                mediaEntry2.Tags = "a,b";
                                                MediaService.Update(entryId2, mediaEntry2)
                                                    .SetCompletion(new OnCompletedHandler<MediaEntry>((MediaEntry mediaEntry3, Exception e6) =>
                                                    {
                                                        if (e6 != null)
                                                        {
                                                            Console.Error.WriteLine(e6.Message);
                                                            Environment.Exit(1);
                                                        }
                                                        Console.WriteLine("id: " + mediaEntry3.Id);
                                                        Console.WriteLine("name: " + mediaEntry3.Name);
                                                        Console.WriteLine("status: " + mediaEntry3.Status);

                                                        // Step 7: media.delete
                                                        string entryId3 = entryId2;
                                                        MediaService.Delete(entryId3)
                                                            .SetCompletion(new OnCompletedHandler<VoidResponse>((VoidResponse result, Exception e7) =>
                                                            {
                                                                if (e7 != null)
                                                                {
                                                                    Console.Error.WriteLine(e7.Message);
                                                                    Environment.Exit(1);
                                                                }
                                                                Console.WriteLine("media.delete: done");

                                                                done = true;
                                                            }))
                                                            .Execute(client);
                                                    }))
                                                    .Execute(client);
                                            }))
                                            .Execute(client);
                                    }))
                                    .Execute(client);
                            }))
                            .Execute(client);
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
