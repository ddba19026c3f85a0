/**
 * Custom metadata on top of the generic services: metadataProfile.add/update take the XSD as a
 * parameter (`xsdData`, kept as the read-only `xsd`; a new XSD makes a new `version`), metadata.add
 * checks the profile, the kind of object, that the object has no metadata for the profile yet, and
 * the XML against the profile's XSD (../xsd.ts); metadata.update checks the version it is given
 * (optimistic locking) and the XML again. metadata.list reads ENTRY metadata unless the filter
 * names another kind of object.
 */
import type { KObject } from '../coerce';
import { KalturaApiError } from '../errors';
import type { ClassHooks, Data, Gen, Override } from '../generic/engine';
import type { ObjectRow } from '../store';
import { XmlError, parseXsd, validateXml } from '../xsd';
import { FileAnswer } from './content';

const PROFILE = 'KalturaMetadataProfile';
const METADATA = 'KalturaMetadata';

function invalid(g: Gen, e: unknown): KalturaApiError {
  const message = e instanceof XmlError ? e.message : 'the XML could not be read';
  return g.engine.error(g.op, 'INVALID_METADATA_DATA', { ERR_MSG: message });
}

function checkXsd(g: Gen, xsd: unknown): void {
  if (typeof xsd !== 'string' || !xsd.trim()) throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: 'xsdData' });
  try {
    parseXsd(xsd);
  } catch (e) {
    throw invalid(g, e);
  }
}

export function metadataExtensions(): { hooks: Record<string, ClassHooks>; overrides: Record<string, Override> } {
  const profileOf = async (g: Gen, id: unknown): Promise<{ row: ObjectRow; data: Data }> => {
    const m = g.engine.modelOfClass(PROFILE);
    if (!m) throw new KalturaApiError('INVALID_OBJECT_ID', { ID: String(id) });
    const row = await g.engine.find({ ...g, model: m, args: { id } }, { idParam: 'id', props: [] });
    return { row, data: g.engine.dataOf(row) };
  };
  const validate = (g: Gen, xsd: unknown, xml: unknown) => {
    if (typeof xml !== 'string' || !xml.trim()) throw new KalturaApiError('MISSING_MANDATORY_PARAMETER', { PARAM_NAME: 'xmlData' });
    try {
      validateXml(xml, parseXsd(String(xsd ?? '')));
    } catch (e) {
      throw invalid(g, e);
    }
  };

  /**
   * metadata.add is the generic add (its parameters name the properties: `objectType` is
   * metadataObjectType, `xmlData` is xml); metadata.update the generic setter (`xmlData`, `version`).
   */
  const hooks: Record<string, ClassHooks> = {
    // metadataProfile.add is the generic add (`xsdData` is xsd, `viewsData` views): the XSD is read, version 1
    [PROFILE]: {
      beforeAdd(g, d) {
        checkXsd(g, d.xsd);
        d.version = 1;
        if (d.createMode === undefined && g.model.props.has('createMode')) d.createMode = 1;
      },
      // metadataProfile.update is the generic update: a new XSD is read and makes the next version
      beforeUpdate(g, current, patch) {
        if (patch.xsd === undefined || patch.xsd === null) return;
        checkXsd(g, patch.xsd);
        patch.version = Number(current.version ?? 0) + 1;
      },
    },
    [METADATA]: {
      async beforeAdd(g, d) {
        const { data: profile } = await profileOf(g, d.metadataProfileId);
        const objectType = String(d.metadataObjectType);
        if (profile.metadataObjectType !== undefined && String(profile.metadataObjectType) !== objectType) {
          throw g.engine.error(g.op, 'INCOMPATIBLE_METADATA_PROFILE_OBJECT_TYPE', {
            OBJ_TYPE: String(profile.metadataObjectType),
            META_OBJ_TYPE: objectType,
          });
        }
        const existing = (
          await g.engine.query(
            g,
            [
              { field: 'metadataProfileId', op: 'eq', value: Number(d.metadataProfileId) },
              { field: 'metadataObjectType', op: 'eq', value: objectType },
              { field: 'objectId', op: 'eq', value: String(d.objectId) },
            ],
            [],
            1,
            0,
          )
        )[0];
        if (existing) throw g.engine.error(g.op, 'METADATA_ALREADY_EXISTS', { ID: existing.id });
        validate(g, profile.xsd, d.xml);
        d.metadataProfileVersion = profile.version ?? 1;
        d.version = 1;
      },
      // optimistic locking: a given version must be the current one; new XML is checked and makes the next version
      async beforeUpdate(g, current, patch) {
        // metadata.invalidate(id, version) is the status verb: its version is checked the same way
        const given = g.op.action === 'invalidate' ? g.args.version : undefined;
        if (given !== undefined && given !== null && Number(given) !== Number(current.version))
          throw g.engine.error(g.op, 'INVALID_METADATA_VERSION', { VERSION: String(given) });
        if (patch.version !== undefined && patch.version !== null) {
          if (Number(patch.version) !== Number(current.version))
            throw g.engine.error(g.op, 'INVALID_METADATA_VERSION', { VERSION: String(patch.version) });
          delete patch.version;
        }
        if (patch.xml === undefined || patch.xml === null) return;
        const { data: profile } = await profileOf(g, current.metadataProfileId);
        validate(g, profile.xsd, patch.xml);
        patch.version = Number(current.version ?? 0) + 1;
        patch.metadataProfileVersion = profile.version ?? 1;
      },
    },
  };

  const overrides: Record<string, Override> = {
    'metadata.serve': async (g) => {
      const row = await g.engine.find(g, { idParam: g.op.params[0]?.name ?? 'id', props: [] });
      return new FileAnswer('', 0, `metadata_${row.id}.xml`, '', String(g.engine.dataOf(row).xml ?? ''));
    },
    'metadataprofile.serve': async (g) => {
      const row = await g.engine.find(g, { idParam: g.op.params[0]?.name ?? 'id', props: [] });
      return new FileAnswer('', 0, `metadata_profile_${row.id}.xsd.xml`, '', String(g.engine.dataOf(row).xsd ?? ''));
    },
    'metadataprofile.serveview': async (g) => {
      const row = await g.engine.find(g, { idParam: g.op.params[0]?.name ?? 'id', props: [] });
      return new FileAnswer('', 0, `metadata_profile_${row.id}_views.xml`, '', String(g.engine.dataOf(row).views ?? ''));
    },
    'metadataprofile.listfields': async (g) => {
      const row = await g.engine.find(g, { idParam: g.op.params[0]?.name ?? 'id', props: [] });
      const schema = parseXsd(String(g.engine.dataOf(row).xsd ?? ''));
      const root = schema.root.name;
      const fields = (schema.root.children ?? []).map((c, i) => ({
        objectType: 'KalturaMetadataProfileField',
        id: i + 1,
        xPath: `/*[local-name()='${root}']/*[local-name()='${c.name}']`,
        key: c.name,
        label: c.label ?? c.name,
      }));
      return { objectType: 'KalturaMetadataProfileFieldListResponse', objects: fields, totalCount: fields.length };
    },
    // metadata of entries unless the filter names another kind of object, as Kaltura lists them
    'filter:kalturametadata': (g) => {
      const f = g.args.filter as KObject;
      if (f.metadataObjectTypeEqual !== undefined && f.metadataObjectTypeEqual !== null) return [];
      return g.model.props.get('metadataObjectType') ? [{ field: 'metadataObjectType', op: 'eq', value: '1' }] : [];
    },
  };
  return { hooks, overrides };
}
