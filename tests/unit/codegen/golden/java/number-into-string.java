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
        // FILL IN: objectId (required, string): no value was given.
        String objectId = "YOUR_OBJECT_ID";

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

                // Step 1: metadataProfile.add
                MetadataProfile metadataProfile = new MetadataProfile();
                metadataProfile.setMetadataObjectType(MetadataObjectType.ENTRY);
                metadataProfile.setName("Production details");
                metadataProfile.setSystemName("production_details");
                metadataProfile.setCreateMode(MetadataProfileCreateMode.API);
                String xsdData = "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><xsd:element name=\"metadata\"><xsd:complexType><xsd:sequence><xsd:element name=\"Director\" type=\"xsd:string\"/></xsd:sequence></xsd:complexType></xsd:element></xsd:schema>";
                APIOkRequestsExecutor.getExecutor().queue(MetadataProfileService.add(metadataProfile, xsdData)
                    .setCompletion(metadataProfileResult -> {
                        if (!metadataProfileResult.isSuccess()) {
                            System.err.println(metadataProfileResult.error.getMessage());
                            System.exit(1);
                            return;
                        }
                        MetadataProfile metadataProfile2 = metadataProfileResult.results;
                        System.out.println("id: " + metadataProfile2.getId());
                        System.out.println("name: " + metadataProfile2.getName());
                        System.out.println("status: " + metadataProfile2.getStatus());

                        // Step 2: metadata.add
                        MetadataObjectType objectType = MetadataObjectType.ENTRY;
                        String xmlData = "<metadata><Director>Ada Lovelace</Director></metadata>";
                        APIOkRequestsExecutor.getExecutor().queue(MetadataService.add(metadataProfile2.getId(), objectType, objectId, xmlData)
                            .setCompletion(metadataResult -> {
                                if (!metadataResult.isSuccess()) {
                                    System.err.println(metadataResult.error.getMessage());
                                    System.exit(1);
                                    return;
                                }
                                Metadata metadata = metadataResult.results;
                                System.out.println("id: " + metadata.getId());
                                System.out.println("status: " + metadata.getStatus());

                                // Step 3: metadata.list
                                MetadataFilter filter = new MetadataFilter();
                                filter.setMetadataProfileIdEqual(metadataProfile2.getId());
                                filter.setMetadataObjectTypeEqual(MetadataObjectType.ENTRY);
                                filter.setObjectIdEqual(objectId);
                                APIOkRequestsExecutor.getExecutor().queue(MetadataService.list(filter)
                                    .setCompletion(metadataListResponseResult -> {
                                        if (!metadataListResponseResult.isSuccess()) {
                                            System.err.println(metadataListResponseResult.error.getMessage());
                                            System.exit(1);
                                            return;
                                        }
                                        ListResponse<Metadata> metadataListResponse = metadataListResponseResult.results;
                                        System.out.println("totalCount: " + metadataListResponse.getTotalCount());
                                        for (Metadata item : metadataListResponse.getObjects()) {
                                            System.out.println("id: " + item.getId() + " " + "status: " + item.getStatus());
                                        }

                                        // Step 4: category.add
                                        Category category = new Category();
                                        category.setName("Conference 2026");
                                        category.setDescription("Talks from the \"big\" conference");
                                        category.setPrivacy(PrivacyType.ALL);
                                        category.setAppearInList(AppearInListType.PARTNER_ONLY);
                                        APIOkRequestsExecutor.getExecutor().queue(CategoryService.add(category)
                                            .setCompletion(categoryResult -> {
                                                if (!categoryResult.isSuccess()) {
                                                    System.err.println(categoryResult.error.getMessage());
                                                    System.exit(1);
                                                    return;
                                                }
                                                Category category2 = categoryResult.results;
                                                System.out.println("id: " + category2.getId());
                                                System.out.println("name: " + category2.getName());
                                                System.out.println("status: " + category2.getStatus());

                                                // Step 5: categoryEntry.add
                                                CategoryEntry categoryEntry = new CategoryEntry();
                                                categoryEntry.setCategoryId(category2.getId());
                                                categoryEntry.setEntryId(objectId);
                                                APIOkRequestsExecutor.getExecutor().queue(CategoryEntryService.add(categoryEntry)
                                                    .setCompletion(categoryEntryResult -> {
                                                        if (!categoryEntryResult.isSuccess()) {
                                                            System.err.println(categoryEntryResult.error.getMessage());
                                                            System.exit(1);
                                                            return;
                                                        }
                                                        CategoryEntry categoryEntry2 = categoryEntryResult.results;
                                                        System.out.println("status: " + categoryEntry2.getStatus());

                                                        // Step 6: media.list
                                                        MediaEntryFilter filter2 = new MediaEntryFilter();
                                                        filter2.setCategoriesIdsMatchAnd(String.valueOf(category2.getId()));
                                                        filter2.setMediaTypeEqual(MediaType.VIDEO);
                                                        filter2.setStatusIn("2,4");
                                                        filter2.setOrderBy(MediaEntryOrderBy.NAME_ASC.getValue());
                                                        FilterPager pager = new FilterPager();
                                                        pager.setPageSize(25);
                                                        pager.setPageIndex(1);
                                                        APIOkRequestsExecutor.getExecutor().queue(MediaService.list(filter2, pager)
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
