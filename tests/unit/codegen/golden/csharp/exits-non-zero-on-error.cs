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

                UploadTokenService.Add()
                    .SetCompletion(new OnCompletedHandler<UploadToken>((UploadToken result, Exception e2) =>
                    {
                        if (e2 != null)
                        {
                            Console.Error.WriteLine(e2.Message);
                            Environment.Exit(1);
                        }
                        Console.WriteLine("id: " + result.Id);
                        Console.WriteLine("fileName: " + result.FileName);
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
