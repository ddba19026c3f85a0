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

                // Step 1: uploadToken.add
                UploadTokenService.Add()
                    .SetCompletion(new OnCompletedHandler<UploadToken>((UploadToken uploadToken, Exception e2) =>
                    {
                        if (e2 != null)
                        {
                            Console.Error.WriteLine(e2.Message);
                            Environment.Exit(1);
                        }
                        Console.WriteLine("id: " + uploadToken.Id);
                        Console.WriteLine("fileName: " + uploadToken.FileName);
                        Console.WriteLine("status: " + uploadToken.Status);

                        // Step 2: uploadToken.upload
                        string uploadTokenId = uploadToken.Id;
                        Stream fileData = new FileStream("/tmp/Kaltura_Logo_Animation.flv", FileMode.Open, FileAccess.Read);
                        bool resume = false;
                        bool finalChunk = true;
                        float resumeAt = -1;
                        UploadTokenService.Upload(uploadTokenId, fileData, resume, finalChunk, resumeAt)
                            .SetCompletion(new OnCompletedHandler<UploadToken>((UploadToken uploadToken2, Exception e3) =>
                            {
                                if (e3 != null)
                                {
                                    Console.Error.WriteLine(e3.Message);
                                    Environment.Exit(1);
                                }
                                Console.WriteLine("id: " + uploadToken2.Id);
                                Console.WriteLine("fileName: " + uploadToken2.FileName);
                                Console.WriteLine("status: " + uploadToken2.Status);

                                // Step 3: media.add
                                MediaEntry entry = new MediaEntry();
                                entry.MediaType = MediaType.VIDEO;
                                entry.Name = "Kaltura Logo";
                                entry.Description = "Uploaded with the recipe console";
                                MediaService.Add(entry)
                                    .SetCompletion(new OnCompletedHandler<MediaEntry>((MediaEntry mediaEntry, Exception e4) =>
                                    {
                                        if (e4 != null)
                                        {
                                            Console.Error.WriteLine(e4.Message);
                                            Environment.Exit(1);
                                        }
                                        Console.WriteLine("id: " + mediaEntry.Id);
                                        Console.WriteLine("name: " + mediaEntry.Name);
                                        Console.WriteLine("status: " + mediaEntry.Status);

                                        // Step 4: media.addContent
                                        string entryId = mediaEntry.Id;
                                        UploadedFileTokenResource resource = new UploadedFileTokenResource();
                                        resource.Token = uploadToken.Id;
                                        MediaService.AddContent(entryId, resource)
                                            .SetCompletion(new OnCompletedHandler<MediaEntry>((MediaEntry mediaEntry2, Exception e5) =>
                                            {
                                                if (e5 != null)
                                                {
                                                    Console.Error.WriteLine(e5.Message);
                                                    Environment.Exit(1);
                                                }
                                                Console.WriteLine("id: " + mediaEntry2.Id);
                                                Console.WriteLine("name: " + mediaEntry2.Name);
                                                Console.WriteLine("status: " + mediaEntry2.Status);

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

        // The request completes on another thread; wait for it.
        while (!done)
        {
            Thread.Sleep(100);
        }
    }
}
