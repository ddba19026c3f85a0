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

                // Step 1: uploadToken.add
                APIOkRequestsExecutor.getExecutor().queue(UploadTokenService.add()
                    .setCompletion(uploadTokenResult -> {
                        if (!uploadTokenResult.isSuccess()) {
                            System.err.println(uploadTokenResult.error.getMessage());
                            System.exit(1);
                            return;
                        }
                        UploadToken uploadToken = uploadTokenResult.results;
                        System.out.println("id: " + uploadToken.getId());
                        System.out.println("fileName: " + uploadToken.getFileName());
                        System.out.println("status: " + uploadToken.getStatus());

                        // Step 2: uploadToken.upload
                        File fileData = new File("/tmp/Kaltura_Logo_Animation.flv");
                        boolean resume = false;
                        boolean finalChunk = true;
                        double resumeAt = -1.0;
                        APIOkRequestsExecutor.getExecutor().queue(UploadTokenService.upload(uploadToken.getId(), fileData, resume, finalChunk, resumeAt)
                            .setCompletion(uploadTokenResult2 -> {
                                if (!uploadTokenResult2.isSuccess()) {
                                    System.err.println(uploadTokenResult2.error.getMessage());
                                    System.exit(1);
                                    return;
                                }
                                UploadToken uploadToken2 = uploadTokenResult2.results;
                                System.out.println("id: " + uploadToken2.getId());
                                System.out.println("fileName: " + uploadToken2.getFileName());
                                System.out.println("status: " + uploadToken2.getStatus());

                                // Step 3: media.add
                                MediaEntry entry = new MediaEntry();
                                entry.setMediaType(MediaType.VIDEO);
                                entry.setName("Kaltura Logo");
                                entry.setDescription("Uploaded with the recipe console");
                                APIOkRequestsExecutor.getExecutor().queue(MediaService.add(entry)
                                    .setCompletion(mediaEntryResult -> {
                                        if (!mediaEntryResult.isSuccess()) {
                                            System.err.println(mediaEntryResult.error.getMessage());
                                            System.exit(1);
                                            return;
                                        }
                                        MediaEntry mediaEntry = mediaEntryResult.results;
                                        System.out.println("id: " + mediaEntry.getId());
                                        System.out.println("name: " + mediaEntry.getName());
                                        System.out.println("status: " + mediaEntry.getStatus());

                                        // Step 4: media.addContent
                                        UploadedFileTokenResource resource = new UploadedFileTokenResource();
                                        resource.setToken(uploadToken.getId());
                                        APIOkRequestsExecutor.getExecutor().queue(MediaService.addContent(mediaEntry.getId(), resource)
                                            .setCompletion(mediaEntryResult2 -> {
                                                if (!mediaEntryResult2.isSuccess()) {
                                                    System.err.println(mediaEntryResult2.error.getMessage());
                                                    System.exit(1);
                                                    return;
                                                }
                                                MediaEntry mediaEntry2 = mediaEntryResult2.results;
                                                System.out.println("id: " + mediaEntry2.getId());
                                                System.out.println("name: " + mediaEntry2.getName());
                                                System.out.println("status: " + mediaEntry2.getStatus());

                                                System.exit(0);
                                            })
                                            .build(client));
                                    })
                                    .build(client));
                            })
                            .build(client));
                    })
                    .build(client));
            })
            .build(client));

        // The callbacks end the program (System.exit); wait for them.
        Thread.currentThread().join();
    }
}
