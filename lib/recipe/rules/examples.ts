/**
 * Builders for the rules' examples: small whole recipes, each written on one line, so that an
 * example shows only what it is about. ⟦ and ⟧ in them mark what a rule reports (see ./rule.ts).
 */

/** A recipe titled "Example" with one `## Step N` per body. */
export function steps(...bodies: string[]): string {
  return ['# Example', '', ...bodies.flatMap((body, i) => [`## Step ${i + 1}`, body, ''])].join('\n');
}

/** An `### API Call` subsection holding `json`. */
export function call(json: string): string {
  return ['### API Call', '```json', json, '```'].join('\n');
}

/** A METADATA comment holding `json`, then a one-step recipe. */
export function metadata(json: string): string {
  return ['<!--METADATA', json, '-->', '', steps('Text.')].join('\n');
}

/** A code block under `### <heading>` (Sample Code, Demo). */
export function section(heading: string, fence: string, body: string): string {
  return [`### ${heading}`, '```' + fence, body, '```'].join('\n');
}

/** `media.list` (a call that answers a list), as a first step that later steps read from. */
export const LIST = call('{ "path": "/service/media/action/list" }');

/** `media.get` with an `entryId` input whose value comes from `dynamicValue` (JSON text). */
export function getWith(dynamicValue: string): string {
  return call(`{ "path": "/service/media/action/get", "parameters": [{ "name": "entryId", "dynamicValue": ${dynamicValue} }] }`);
}

/** `media.add` whose body narrows `entry` to the properties in `properties` (JSON text). */
export function addEntry(properties: string): string {
  return steps(
    call(
      `{ "path": "/service/media/action/add", "parameters": [{ "name": "body", "in": "body", "schema": { "properties": { "entry": { "properties": ${properties} } } } }] }`,
    ),
  );
}
