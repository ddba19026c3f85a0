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
        // FILL IN: objectId (required, string): no value was given.
        string objectId = "YOUR_OBJECT_ID";

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

                // Step 1: metadataProfile.add
                MetadataProfile metadataProfile = new MetadataProfile();
                metadataProfile.MetadataObjectType = MetadataObjectType.ENTRY;
                metadataProfile.Name = "Production details";
                metadataProfile.SystemName = "production_details";
                metadataProfile.CreateMode = MetadataProfileCreateMode.API;
                string xsdData = "<xsd:schema xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><xsd:element name=\"metadata\"><xsd:complexType><xsd:sequence><xsd:element name=\"Director\" type=\"xsd:string\"/></xsd:sequence></xsd:complexType></xsd:element></xsd:schema>";
                MetadataProfileService.Add(metadataProfile, xsdData)
                    .SetCompletion(new OnCompletedHandler<MetadataProfile>((MetadataProfile metadataProfile2, Exception e2) =>
                    {
                        if (e2 != null)
                        {
                            Console.Error.WriteLine(e2.Message);
                            Environment.Exit(1);
                        }
                        Console.WriteLine("id: " + metadataProfile2.Id);
                        Console.WriteLine("name: " + metadataProfile2.Name);
                        Console.WriteLine("status: " + metadataProfile2.Status);

                        // Step 2: metadata.add
                        int metadataProfileId = metadataProfile2.Id;
                        MetadataObjectType objectType = MetadataObjectType.ENTRY;
                        string xmlData = "<metadata><Director>Ada Lovelace</Director></metadata>";
                        MetadataService.Add(metadataProfileId, objectType, objectId, xmlData)
                            .SetCompletion(new OnCompletedHandler<Metadata>((Metadata metadata, Exception e3) =>
                            {
                                if (e3 != null)
                                {
                                    Console.Error.WriteLine(e3.Message);
                                    Environment.Exit(1);
                                }
                                Console.WriteLine("id: " + metadata.Id);
                                Console.WriteLine("status: " + metadata.Status);

                                // Step 3: metadata.list
                                MetadataFilter filter = new MetadataFilter();
                                filter.MetadataProfileIdEqual = metadataProfile2.Id;
                                filter.MetadataObjectTypeEqual = MetadataObjectType.ENTRY;
                                filter.ObjectIdEqual = objectId;
                                MetadataService.List(filter)
                                    .SetCompletion(new OnCompletedHandler<ListResponse<Metadata>>((ListResponse<Metadata> metadataListResponse, Exception e4) =>
                                    {
                                        if (e4 != null)
                                        {
                                            Console.Error.WriteLine(e4.Message);
                                            Environment.Exit(1);
                                        }
                                        Console.WriteLine("totalCount: " + metadataListResponse.TotalCount);
                                        foreach (Metadata item in metadataListResponse.Objects)
                                        {
                                            Console.WriteLine("id: " + item.Id + " " + "status: " + item.Status);
                                        }

                                        // Step 4: category.add
                                        Category category = new Category();
                                        category.Name = "Conference 2026";
                                        category.Description = "Talks from the \"big\" conference";
                                        category.Privacy = PrivacyType.ALL;
                                        category.AppearInList = AppearInListType.PARTNER_ONLY;
                                        CategoryService.Add(category)
                                            .SetCompletion(new OnCompletedHandler<Category>((Category category2, Exception e5) =>
                                            {
                                                if (e5 != null)
                                                {
                                                    Console.Error.WriteLine(e5.Message);
                                                    Environment.Exit(1);
                                                }
                                                Console.WriteLine("id: " + category2.Id);
                                                Console.WriteLine("name: " + category2.Name);
                                                Console.WriteLine("status: " + category2.Status);

                                                // Step 5: categoryEntry.add
                                                CategoryEntry categoryEntry = new CategoryEntry();
                                                categoryEntry.CategoryId = category2.Id;
                                                categoryEntry.EntryId = objectId;
                                                CategoryEntryService.Add(categoryEntry)
                                                    .SetCompletion(new OnCompletedHandler<CategoryEntry>((CategoryEntry categoryEntry2, Exception e6) =>
                                                    {
                                                        if (e6 != null)
                                                        {
                                                            Console.Error.WriteLine(e6.Message);
                                                            Environment.Exit(1);
                                                        }
                                                        Console.WriteLine("status: " + categoryEntry2.Status);

                                                        // Step 6: media.list
                                                        MediaEntryFilter filter2 = new MediaEntryFilter();
                                                        filter2.CategoriesIdsMatchAnd = category2.Id.ToString();
                                                        filter2.MediaTypeEqual = MediaType.VIDEO;
                                                        filter2.StatusIn = "2,4";
                                                        filter2.OrderBy = MediaEntryOrderBy.NAME_ASC;
                                                        FilterPager pager = new FilterPager();
                                                        pager.PageSize = 25;
                                                        pager.PageIndex = 1;
                                                        MediaService.List(filter2, pager)
                                                            .SetCompletion(new OnCompletedHandler<ListResponse<MediaEntry>>((ListResponse<MediaEntry> mediaListResponse, Exception e7) =>
                                                            {
                                                                if (e7 != null)
                                                                {
                                                                    Console.Error.WriteLine(e7.Message);
                                                                    Environment.Exit(1);
                                                                }
                                                                Console.WriteLine("totalCount: " + mediaListResponse.TotalCount);
                                                                foreach (MediaEntry item in mediaListResponse.Objects)
                                                                {
                                                                    Console.WriteLine("id: " + item.Id + " " + "name: " + item.Name + " " + "status: " + item.Status);
                                                                }

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
