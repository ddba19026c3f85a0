/**
 * The swift samples against Kaltura's Swift client (no Swift toolchain here): each parses with
 * tree-sitter-swift, and every name, argument label and type it uses is the client's, read from
 * the client's sources at test time (see swift-client.ts). Every shipped recipe, the kitchen sink
 * and (with ../shared's published description) the test recipes that use other services: each
 * step with and without set-up, and the whole program. Needs ../shared/clients (skips loudly).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { GENERATORS } from '@/lib/codegen';
import type { ApiDescription } from '@/lib/description/types';
import type { RequestModel } from '@/lib/request/types';
import { clientDir, CLIENTS } from '../../helpers/clients';
import { sharedFile } from '../../helpers/shared';
import { api as builtIn, buildModels, ctxOf, loadRecipe, publishedApi, publishedRecipeFiles, recipeFiles } from './fixtures';
import { checkSwiftSample, readSwiftClient, type SwiftClient } from './swift-client';
import { syntaxProblems } from './syntax';

const g = GENERATORS.swift;
const have = sharedFile('clients/Swift.tar.gz', "the swift samples' check against Kaltura's Swift client").present;

interface Sample {
  title: string;
  code: string;
}

function samplesOf(file: string, api: ApiDescription = builtIn): Sample[] {
  const models = buildModels(loadRecipe(file), { api, filePath: '/tmp/clip.mp4' }).filter((m): m is RequestModel => m !== null);
  const out: Sample[] = [];
  for (const m of models) {
    for (const setup of [false, true])
      out.push({ title: `${file} step ${m.stepIndex + 1}${setup ? ' with set-up' : ''}`, code: g.step(m, ctxOf({ api, setup })) });
  }
  out.push({ title: `${file} whole program`, code: g.program(models, ctxOf({ api })) });
  return out;
}

const api = publishedApi();
const samples: Sample[] = [
  ...[...recipeFiles(), 'tests/unit/codegen/recipes/kitchen-sink.md'].flatMap((f) => samplesOf(f)),
  ...(api ? publishedRecipeFiles().flatMap((f) => samplesOf(f, api)) : []),
];

const numbered = (code: string) =>
  code
    .split('\n')
    .map((l, i) => `${String(i + 1).padStart(3)} ${l}`)
    .join('\n');

describe.skipIf(!have)(`swift samples against the Swift client's sources (${CLIENTS}/Swift.tar.gz)`, () => {
  let client: SwiftClient;
  beforeAll(() => {
    client = readSwiftClient(clientDir('Swift'));
  }, 120_000);

  it('the client was read: services, classes, enums and the core API the samples use', () => {
    expect(client.missingCore).toEqual([]);
    expect(client.services.get('MediaService')!.get('add')![0]!.params).toEqual([{ label: 'entry', type: 'MediaEntry' }]);
    expect(client.services.get('MediaService')!.get('delete')![0]!.result).toBe('Void');
    expect(client.classes.get('MediaEntry')?.base).toBe('PlayableEntry');
    expect(client.classes.get('MediaListResponse')?.props.get('objects')).toBe('[MediaEntry]?');
    expect(client.enums.get('MediaEntryOrderBy')?.raw).toBe('String');
    expect(client.services.size).toBeGreaterThan(100);
    expect(client.classes.get('ESearchEntryOperator')?.props.get('operator_')).toBe('ESearchOperatorType?');
  });

  for (const s of samples) {
    it(s.title, async () => {
      expect(await syntaxProblems(s.code, 'swift'), numbered(s.code)).toEqual([]);
      expect(
        checkSwiftSample(s.code, client).map((p) => `line ${p.line}: ${p.message}`),
        numbered(s.code),
      ).toEqual([]);
    });
  }

  it('catches what the issue found and misspelt names: a URL as the file, orderBy without rawValue, a void result unwrapped, wrong labels, cases and properties', () => {
    const sample = [
      'let fileData: RequestFile = URL(fileURLWithPath: "/tmp/a.mp4")',
      'let filter = MediaEntryFilter()',
      'filter.orderBy = MediaEntryOrderBy.CREATED_AT_DESC',
      'filter.statusEqual = EntryStatus.REDY',
      'filter.nmae = "x"',
      'filter.idEqual = 5',
      'USRExecutor.shared.send(request: MediaService.list(filtr: filter)',
      '    .set(completion: { (r, e) in',
      '    })',
      '    .build(client))',
      'USRExecutor.shared.send(request: MediaService.delete(entryId: "0_x")',
      '    .set(completion: { (result, error) in',
      '        let value = result!',
      '    })',
      '    .build(client))',
    ].join('\n');
    const found = checkSwiftSample(sample, client).map((p) => `${p.line}: ${p.message}`);
    expect(found).toEqual([
      expect.stringMatching(/^1: `fileData` is declared RequestFile but given URL/),
      expect.stringMatching(/^3: filter.orderBy is String\?, given MediaEntryOrderBy/),
      expect.stringMatching(/^4: enum EntryStatus has no case REDY/),
      expect.stringMatching(/^5: MediaEntryFilter has no property nmae/),
      expect.stringMatching(/^6: filter.idEqual is String\?, given <int literal>/),
      expect.stringMatching(/^7: MediaService.list\(filtr\) matches no overload/),
      expect.stringMatching(/^13: force-unwraps a void result/),
    ]);
  });
});

if (!have) describe.skip('swift samples against the Swift client', () => it('needs ../shared/clients/Swift.tar.gz', () => undefined));
