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

                // Step 1: session.start
                String secret2 = "YOUR_ADMIN_SECRET";
                String userId2 = "";
                SessionType type2 = SessionType.ADMIN;
                int partnerId2 = 1000042;
                int expiry2 = 3600;
                APIOkRequestsExecutor.getExecutor().queue(SessionService.start(secret2, userId2, type2, partnerId2, expiry2)
                    .setCompletion(ksResult2 -> {
                        if (!ksResult2.isSuccess()) {
                            System.err.println(ksResult2.error.getMessage());
                            System.exit(1);
                            return;
                        }
                        String ks = ksResult2.results;
                        System.out.println("session.start: " + ks);

                        // Step 2: media.list
                        MediaEntryFilter filter = null;
                        FilterPager pager = new FilterPager();
                        pager.setPageSize(5);
                        pager.setPageIndex(1);
                        APIOkRequestsExecutor.getExecutor().queue(MediaService.list(filter, pager)
                            .setCompletion(mediaListResponseResult -> {
                                if (!mediaListResponseResult.isSuccess()) {
                                    System.err.println(mediaListResponseResult.error.getMessage());
                                    System.exit(1);
                                    return;
                                }
                                ListResponse<MediaEntry> mediaListResponse = mediaListResponseResult.results;
                                System.out.println("totalCount: " + mediaListResponse.getTotalCount());
                                for (MediaEntry item : mediaListResponse.getObjects()) {
                                    System.out.println("id: " + item.getId() + " " + "name: " + item.getName() + " " + "status: " + item.getStatus());
                                }

                                // Step 3: media.list
                                MediaEntryFilter filter2 = new MediaEntryFilter();
                                filter2.setNameLike("Kaltura");
                                filter2.setStatusEqual(EntryStatus.READY);
                                filter2.setOrderBy(MediaEntryOrderBy.CREATED_AT_DESC.getValue());
                                FilterPager pager2 = new FilterPager();
                                pager2.setPageSize(1);
                                APIOkRequestsExecutor.getExecutor().queue(MediaService.list(filter2, pager2)
                                    .setCompletion(mediaListResponseResult2 -> {
                                        if (!mediaListResponseResult2.isSuccess()) {
                                            System.err.println(mediaListResponseResult2.error.getMessage());
                                            System.exit(1);
                                            return;
                                        }
                                        ListResponse<MediaEntry> mediaListResponse2 = mediaListResponseResult2.results;
                                        System.out.println("totalCount: " + mediaListResponse2.getTotalCount());
                                        for (MediaEntry item : mediaListResponse2.getObjects()) {
                                            System.out.println("id: " + item.getId() + " " + "name: " + item.getName() + " " + "status: " + item.getStatus());
                                        }

                                        // Step 5: media.get
                                        int version = 0;
                                        APIOkRequestsExecutor.getExecutor().queue(MediaService.get(mediaListResponse2.getObjects().get(0).getId(), version)
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

                                                // Step 6: media.update
                                                MediaEntry mediaEntry2 = new MediaEntry();
                                                mediaEntry2.setName("Renamed");
                                                mediaEntry2.setTags("a,b");
                                                APIOkRequestsExecutor.getExecutor().queue(MediaService.update(mediaListResponse2.getObjects().get(0).getId(), mediaEntry2)
                                                    .setCompletion(mediaEntryResult2 -> {
                                                        if (!mediaEntryResult2.isSuccess()) {
                                                            System.err.println(mediaEntryResult2.error.getMessage());
                                                            System.exit(1);
                                                            return;
                                                        }
                                                        MediaEntry mediaEntry3 = mediaEntryResult2.results;
                                                        System.out.println("id: " + mediaEntry3.getId());
                                                        System.out.println("name: " + mediaEntry3.getName());
                                                        System.out.println("status: " + mediaEntry3.getStatus());

                                                        // Step 7: media.delete
                                                        APIOkRequestsExecutor.getExecutor().queue(MediaService.delete(mediaListResponse2.getObjects().get(0).getId())
                                                            .setCompletion(resultResult -> {
                                                                if (!resultResult.isSuccess()) {
                                                                    System.err.println(resultResult.error.getMessage());
                                                                    System.exit(1);
                                                                    return;
                                                                }
                                                                Void result = resultResult.results;
                                                                System.out.println("media.delete: done");

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
                    })
                    .build(client));
            })
            .build(client));

        // The callbacks end the program (System.exit); wait for them.
        Thread.currentThread().join();
    }
}
