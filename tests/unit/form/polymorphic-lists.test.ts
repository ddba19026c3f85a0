/**
 * Lists of polymorphic objects (an access-control rule's actions, eSearch items): each item is
 * shown, checked and sent as its own class, and an item whose class has no property set is still
 * sent (it was added on purpose: a "block" action has nothing else to say).
 */
import { describe, expect, it } from 'vitest';
import { createDescription } from '@/lib/description';
import { buildForm, initialValues, objectFields, validateValues } from '@/lib/form';
import { parseRecipe } from '@/lib/recipe';
import { buildRequestModel } from '@/lib/request/build';
import { toHttpRequest } from '@/lib/request/http';

const api = createDescription({
  swagger: '2.0',
  info: { title: 't', version: '1' },
  paths: {
    '/service/rule/action/add': {
      post: {
        operationId: 'rule.add',
        parameters: [{ in: 'body', name: 'body', schema: { type: 'object', properties: { rule: { $ref: '#/definitions/KalturaRule' } } } }],
        responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/KalturaRule' } } },
      },
    },
  },
  definitions: {
    KalturaRule: {
      type: 'object',
      properties: { name: { type: 'string' }, actions: { type: 'array', items: { $ref: '#/definitions/KalturaAction' } } },
    },
    KalturaAction: { type: 'object', 'x-abstract': true, properties: { objectType: { type: 'string' } } },
    KalturaBlockAction: { allOf: [{ $ref: '#/definitions/KalturaAction' }], type: 'object', properties: {} },
    KalturaLimitAction: {
      allOf: [{ $ref: '#/definitions/KalturaAction' }],
      type: 'object',
      properties: {
        limit: { type: 'integer' },
        level: { type: 'integer', enum: [1, 2], 'x-enumType': 'KalturaLevel', 'x-enumLabels': ['LOW', 'HIGH'] },
      },
    },
  },
});

function step(actions: unknown[]) {
  const call = {
    method: 'post',
    path: '/service/rule/action/add',
    parameters: [
      {
        name: 'body',
        in: 'body',
        schema: {
          properties: {
            rule: {
              properties: {
                name: { consoleDefault: 'r' },
                actions: { consoleDefault: actions, items: { properties: { limit: {}, level: {} } } },
              },
            },
          },
        },
      },
    ],
  };
  return parseRecipe(`# T\n## S\n### API Call\n\`\`\`json\n${JSON.stringify(call)}\n\`\`\`\n`, { api }).steps[0];
}

describe('lists of polymorphic objects', () => {
  it('a narrowed item property shows only for the classes that have it', () => {
    const form = buildForm(step([])!, api);
    const rule = form.fields.find((f) => f.name === 'rule')!;
    const actions = objectFields(rule, { objectType: 'KalturaRule' }).find((f) => f.name === 'actions')!;
    expect(actions.item?.subclasses).toEqual(['KalturaBlockAction', 'KalturaLimitAction']);
    expect(actions.item?.fieldsByClass?.KalturaBlockAction?.map((f) => f.name)).toEqual([]);
    expect(actions.item?.fieldsByClass?.KalturaLimitAction?.map((f) => f.name)).toEqual(['limit', 'level']);
  });

  it('each item is validated against its own class', () => {
    const s = step([{ objectType: 'KalturaBlockAction' }, { objectType: 'KalturaLimitAction', limit: 3, level: 2 }])!;
    const form = buildForm(s, api);
    const values = initialValues(form, { serviceUrl: 'http://x' });
    expect(validateValues(form, values)).toEqual([]);
    const bad = {
      body: {
        rule: {
          objectType: 'KalturaRule',
          name: 'r',
          actions: [{ objectType: 'KalturaBlockAction' }, { objectType: 'KalturaLimitAction', limit: 'many' }],
        },
      },
    };
    expect(validateValues(form, bad).map((e) => e.path)).toEqual(['body.rule.actions.1.limit']);
  });

  it('an item with no property set is still sent, as its class', () => {
    const s = step([{ objectType: 'KalturaBlockAction' }, { objectType: 'KalturaLimitAction', limit: 3 }])!;
    const form = buildForm(s, api);
    const values = initialValues(form, { serviceUrl: 'http://x' });
    const { model } = buildRequestModel({ step: s, form, values, results: {}, connection: { serviceUrl: 'http://x', ks: 'k' }, api });
    const http = toHttpRequest(model!);
    expect(http.body.kind === 'form' && http.body.fields).toEqual([
      ['rule[objectType]', 'KalturaRule'],
      ['rule[name]', 'r'],
      ['rule[actions][0][objectType]', 'KalturaBlockAction'],
      ['rule[actions][1][objectType]', 'KalturaLimitAction'],
      ['rule[actions][1][limit]', '3'],
    ]);
  });
});
