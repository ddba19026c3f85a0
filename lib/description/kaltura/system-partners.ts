/**
 * Operations Kaltura grants only to its own system partners: the batch workers (partner -1), the
 * admin console (-2), media servers (-5) and the like. A customer partner's session, admin or not,
 * is answered `SERVICE_FORBIDDEN` ("The access to service [jobs->getImportStatus] is forbidden"):
 * Kaltura's permission items for them (kaltura/server, deployment/permissions/service.*.ini) name
 * only negative partner ids, or permissions only those partners hold (BATCH_BASE,
 * SYSTEM_ADMIN_*, ...). The API description does not say so; this table does, so the sandbox
 * answers them as Kaltura answers every partner, and the coverage report counts them apart.
 *
 * Keys are service names in lower case (the client's name: `systempartner`, `jobs`), with their
 * actions in lower case; each comment names the permission file and the partners it grants them
 * to. Read from kaltura/server's permission files for the operations of the 19.4 description;
 * where two stored versions of a file disagree (`sso`, `userScore`), another file hints at a grant
 * the stored ones lack (`eventNotificationTemplate` delete / update / updateStatus) or the file may
 * not be loaded (`businessProcessServer`'s lacks the `.ini` suffix), the operation is left out and
 * the sandbox answers it as before.
 */

const SYSTEM_PARTNER_ONLY: Readonly<Record<string, readonly string[]>> = {
  // service.baseentry.ini: partner -1
  baseentry: ['index'],
  // service.batch.ini: partner -1
  batch: [
    'addbulkuploadresult',
    'addmediainfo',
    'checkentryisdone',
    'checkfileexists',
    'cleanexclusivejobs',
    'countbulkuploadentries',
    'extendlockexpiration',
    'freeexclusivejob',
    'getbulkuploadlastresult',
    'getexclusivealmostdone',
    'getexclusivejobs',
    'getexclusivenotificationjobs',
    'getqueuesize',
    'logconversion',
    'putfile',
    'resetjobexecutionattempts',
    'suspendjobs',
    'updatebulkuploadresults',
    'updateexclusiveconvertcollectionjob',
    'updateexclusivejob',
    'updatepartnerloadtable',
  ],
  // service.batchcontrol.ini: partners -1, -2
  batchcontrol: [
    'configloaded',
    'getcommand',
    'getfullstatus',
    'getorcreatescheduler',
    'kill',
    'listcommands',
    'listschedulers',
    'listworkers',
    'reportstatus',
    'setcommandresult',
    'setschedulerconfig',
    'setworkerconfig',
    'startworker',
    'stopscheduler',
    'stopworker',
  ],
  // service.businessProcessNotification.businessProcessCase.ini: partner -2
  businessprocesscase: ['abort', 'list', 'servediagram'],
  // service.confmaps.confmaps.ini: partners -1, -2
  confmaps: ['add', 'get', 'getcacheversionid', 'getmapnames', 'list', 'update'],
  // service.contentdistribution.contentdistributionbatch.ini: partner -1
  contentdistributionbatch: ['createrequiredjobs', 'getasseturl', 'updatesunstatus'],
  // service.deliveryprofile.ini: partner -2
  deliveryprofile: ['add', 'clone', 'get', 'list', 'update'],
  // service.drm.drmpolicy.ini: partner -2
  drmpolicy: ['add', 'delete', 'get', 'list', 'update'],
  // service.drm.drmprofile.ini: partners -1, -2
  drmprofile: ['add', 'delete', 'get', 'getbyprovider', 'list', 'update'],
  // service.dropfolder.dropfolder.ini: partners -1, -2
  dropfolder: ['add', 'delete', 'freeexclusivedropfolder', 'getexclusivedropfolder', 'update'],
  // service.dropfolder.dropfolderfile.ini: partner -1
  dropfolderfile: ['add', 'updatestatus'],
  // service.emailingestionprofile.ini: partners -1, -2
  emailingestionprofile: ['add', 'addmediaentry', 'delete', 'get', 'getbyemailaddress', 'update'],
  // service.entryservernode.ini: partner -1
  entryservernode: ['validateregisteredentryservernode'],
  // service.eventnotification.eventnotificationtemplate.ini: partner -2 (its delete, update and
  // updateStatus too, but partner 0 has a permission EVENT_NOTIFICATIONS_TEMPLATE_DELETE whose item
  // the stored files lack: left out, a partner's own template may be Kaltura's to change)
  eventnotificationtemplate: ['add', 'listbypartner'],
  // service.filesync.filesync.ini: partners -1, -2, -5
  filesync: ['deletelocalfilesyncs', 'list', 'lockfilesyncs', 'update'],
  // service.multicenters.filesyncimportbatch.ini: partner -1
  filesyncimportbatch: ['extendfilesynclock', 'lockpendingfilesyncs'],
  // service.flavorasset.ini: partner -6
  flavorasset: ['serveadstitchcmd'],
  // service.flavorparamsoutput.ini: partners -1, -2
  flavorparamsoutput: ['get', 'list'],
  // service.contentdistribution.genericdistributionprovider.ini: partner -2
  genericdistributionprovider: ['add', 'delete', 'get', 'list', 'update'],
  // service.contentdistribution.genericdistributionprovideraction.ini: partner -2
  genericdistributionprovideraction: [
    'add',
    'addmrsstransform',
    'addmrsstransformfromfile',
    'addmrssvalidate',
    'addmrssvalidatefromfile',
    'addresultstransform',
    'addresultstransformfromfile',
    'delete',
    'deletebyproviderid',
    'get',
    'getbyproviderid',
    'list',
    'update',
    'updatebyproviderid',
  ],
  // service.jobs.ini: partners -1, -2 (addBatchJob, getStatus and the CaptureThumb actions are newer than the stored file:
  // an action with no permission item is granted to nobody, and every other action of the service is -1 / -2 only)
  jobs: [
    'abortbulkupload',
    'abortcapturethumb',
    'abortconvert',
    'abortconvertcollection',
    'abortconvertprofile',
    'abortextractmedia',
    'abortimport',
    'abortjob',
    'abortmail',
    'abortnotification',
    'abortpostconvert',
    'abortprovisiondelete',
    'abortprovisionprovide',
    'abortstoragedelete',
    'abortstorageexport',
    'addbatchjob',
    'addconvertprofilejob',
    'addmailjob',
    'boostentryjobs',
    'deletebulkupload',
    'deletecapturethumb',
    'deleteconvert',
    'deleteconvertcollection',
    'deleteconvertprofile',
    'deleteextractmedia',
    'deleteimport',
    'deletejob',
    'deletemail',
    'deletenotification',
    'deletepostconvert',
    'deleteprovisiondelete',
    'deleteprovisionprovide',
    'deletestoragedelete',
    'deletestorageexport',
    'getbulkuploadstatus',
    'getcapturethumbstatus',
    'getconvertcollectionstatus',
    'getconvertprofilestatus',
    'getconvertstatus',
    'getextractmediastatus',
    'getimportstatus',
    'getmailstatus',
    'getnotificationstatus',
    'getpostconvertstatus',
    'getprovisiondeletestatus',
    'getprovisionprovidestatus',
    'getstatus',
    'getstoragedeletestatus',
    'getstorageexportstatus',
    'listbatchjobs',
    'retrybulkupload',
    'retrycapturethumb',
    'retryconvert',
    'retryconvertcollection',
    'retryconvertprofile',
    'retryextractmedia',
    'retryimport',
    'retryjob',
    'retrymail',
    'retrynotification',
    'retrypostconvert',
    'retryprovisiondelete',
    'retryprovisionprovide',
    'retrystoragedelete',
    'retrystorageexport',
  ],
  // service.konference.conference.ini, service.livestream.ini: partners -1, -5
  livestream: ['archive', 'finishconf', 'registerconf', 'validateregisteredmediaservers'],
  // service.media.ini: partner -1
  media: ['addfrombulk'],
  // service.metadata.metadatabatch.ini: partner -1
  metadatabatch: ['getexclusivetransformmetadatajobs', 'gettransformmetadataobjects'],
  // service.reach.partnerCatalogItem.ini: partner -2
  partnercatalogitem: ['add', 'delete'],
  // service.permissionitem.ini: partner -2
  permissionitem: ['add', 'delete', 'update'],
  // service.playready.playreadydrm.ini: partners -1, -2
  playreadydrm: ['generatekey', 'getcontentkeys', 'getentrycontentkey'],
  // service.reach.reachProfile.ini: partners -1, -2
  reachprofile: ['add', 'delete', 'synccredit', 'updatestatus'],
  // service.scheduledtask.scheduledtaskprofile.ini: partner -2
  scheduledtaskprofile: ['servedryrunresults'],
  // service.session.ini: partner -3
  session: ['impersonatebyks'],
  // service.storageprofile.ini: partners -1, -2
  storageprofile: ['add', 'get', 'lockpendingfilesyncs', 'update', 'updatestatus'],
  // service.systempartner.systempartner.ini: partners -1, -2, -12
  systempartner: [
    'get',
    'getadminsession',
    'getconfiguration',
    'getpackages',
    'getpackagesclassofservice',
    'getpackagesvertical',
    'getplayerdeliverytypes',
    'getplayerembedcodetypes',
    'getusage',
    'list',
    'listuserlogindata',
    'resetuserpassword',
    'updateconfiguration',
    'updatestatus',
  ],
  // service.tagsearch.tag.ini: partner -1
  tag: ['deletepending'],
  // service.thumbparamsoutput.ini: partners -1, -2
  thumbparamsoutput: ['get', 'list'],
  // service.reach.vendorCatalogItem.ini: partner -2
  vendorcatalogitem: ['add', 'delete', 'update', 'updatestatus'],
  // service.virusscan.virusscanprofile.ini: partner -2
  virusscanprofile: ['add', 'delete', 'get', 'list', 'scan', 'update'],
};

/**
 * Whether Kaltura grants the operation only to its own system partners. The table is the Kaltura
 * VPaaS API's (REST v3, the API of partner accounts); the OTT API (`info.title` "Kaltura OTT") has
 * services of the same names (`drmProfile`, `session`, `tag`) and other rules, so it is not checked.
 */
export function systemPartnerOnly(op: { service: string; action: string }, document?: unknown): boolean {
  if (ottDocument(document)) return false;
  return SYSTEM_PARTNER_ONLY[op.service.toLowerCase()]?.includes(op.action.toLowerCase()) ?? false;
}

function ottDocument(document: unknown): boolean {
  const info = document && typeof document === 'object' ? (document as { info?: { title?: unknown } }).info : undefined;
  return typeof info?.title === 'string' && /\bOTT\b/.test(info.title);
}

/** Every operation of the table, `service.action` in lower case (for tests and reports). */
export function systemPartnerOperations(): string[] {
  return Object.entries(SYSTEM_PARTNER_ONLY).flatMap(([s, actions]) => actions.map((a) => `${s}.${a}`));
}

/** Why such an operation is refused, for the error and the served description. */
export const SYSTEM_PARTNER_NOTE =
  'Kaltura grants this action only to its own system partners (batch workers, the admin console, media servers), never to a partner account: on Kaltura, as in the sandbox, a partner session gets SERVICE_FORBIDDEN.';
