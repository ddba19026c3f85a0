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
        // FILL IN: id of step 1's result (run that step first, or paste the value here).
        string id = "YOUR_ID";
        // FILL IN: token of step 1's result (run that step first, or paste the value here).
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

                // tokenHash: the SHA-256 of the KS this call is made with followed by the token, in hexadecimal (what appToken.startSession checks).
                // SHA-256 is the token's hashType here; hash with the token's own hashType if it has another.
                string tokenHash = BitConverter.ToString(System.Security.Cryptography.SHA256.Create()
                    .ComputeHash(System.Text.Encoding.UTF8.GetBytes(client.KS + token))).Replace("-", "").ToLowerInvariant();
                string userId2 = "visitor-1001";
                SessionType type2 = SessionType.USER;
                int expiry2 = 600;
                AppTokenService.StartSession(id, tokenHash, userId2, type2, expiry2)
                    .SetCompletion(new OnCompletedHandler<SessionInfo>((SessionInfo result, Exception e2) =>
                    {
                        if (e2 != null)
                        {
                            Console.Error.WriteLine(e2.Message);
                            Environment.Exit(1);
                        }
                        Console.WriteLine("ks: " + result.Ks);
                        Console.WriteLine("partnerId: " + result.PartnerId);
                        Console.WriteLine("userId: " + result.UserId);
                        Console.WriteLine("sessionType: " + result.SessionType);
                        Console.WriteLine("expiry: " + result.Expiry);
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
