import com.kaltura.client.APIOkRequestsExecutor;
import com.kaltura.client.Client;
import com.kaltura.client.Configuration;
import com.kaltura.client.enums.*;
import com.kaltura.client.services.*;
import com.kaltura.client.types.*;
import java.io.File;
import java.util.*;

public class CodeExample {
    public static void main(String[] args) throws Exception {
        // If the client fails on its own thread, end with an error instead of waiting. (On Java 16+,
        // run with --add-opens java.base/java.lang=ALL-UNNAMED to see the API's error messages.)
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            System.err.println(error);
            System.exit(1);
        });
        Configuration config = new Configuration();
        config.setEndpoint("http://127.0.0.1:3000");
        Client client = new Client(config);
        String secret = "YOUR_ADMIN_SECRET";
        String userId = "";
        SessionType type = SessionType.ADMIN;
        int partnerId = 1000042;
        int expiry = 86400;

        APIOkRequestsExecutor.getExecutor().queue(SessionService.start(secret, userId, type, partnerId, expiry)
            .setCompletion(ksResult -> {
                if (!ksResult.isSuccess()) {
                    System.err.println(ksResult.error.getMessage());
                    System.exit(1);
                    return;
                }
                client.setKs(ksResult.results);

                APIOkRequestsExecutor.getExecutor().queue(UploadTokenService.add()
                    .setCompletion(result -> {
                        if (!result.isSuccess()) {
                            System.err.println(result.error.getMessage());
                            System.exit(1);
                            return;
                        }
                        UploadToken resultValue = result.results;
                        System.out.println("id: " + resultValue.getId());
                        System.out.println("fileName: " + resultValue.getFileName());
                        System.out.println("status: " + resultValue.getStatus());
                        System.exit(0);
                    })
                    .build(client));
            })
            .build(client));
    }
}
