/**
 * php: the PHP client (`$client->media->add($entry)`, `new KalturaMediaEntry()`);
 * php53: the namespaced client (`use Kaltura\Client\Type\MediaEntry;`, `$client->getMediaService()->add($entry)`).
 */
import type { RequestModel } from '../../request/types';
import { RESERVED, lowerFirst, pascal, stripKaltura } from '../naming';
import { emitArgs, planCall, type EmitState, type Emitter } from '../plan';
import { floatLiteral, intLiteral, phpString } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { chainRefs, finish, newState, resultName, sessionPlan, type ProgramStep } from './common';

function phpAccess(base: string, segs: Array<string | number>): string {
  return '$' + base + segs.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_]\w*$/.test(s) ? `->${s}` : `->{${phpString(s)}}`)).join('');
}

function emitter(ns: boolean, enums: Set<string>): Emitter {
  const cls = (c: string) => (ns ? stripKaltura(c) : c);
  return {
    str: phpString,
    int: intLiteral,
    float: floatLiteral,
    bool: (b) => (b ? 'true' : 'false'),
    nil: () => 'null',
    enumConst: (v) => {
      enums.add(v.enumType);
      return `${cls(v.enumType)}::${v.constant}`;
    },
    newObject: (v, c) => [`$${v} = new ${cls(c)}();`],
    setProp: (v, _c, prop, expr) => `${phpAccess(v, [prop])} = ${expr};`,
    array: (items) => `array(${items.join(', ')})`,
    declare: (v, expr) => `$${v} = ${expr};`,
    file: (v, path) => [`$${v} = ${phpString(path)}; // path of the file to upload`],
    varName: (n) => lowerFirst(n),
  };
}

function makePhp(ns: boolean): LanguageGenerator {
  const service = (m: RequestModel) =>
    ns ? `$client->get${pascal(m.service)}Service()` : `$client->${m.service}`;
  const action = (a: string) => (a === 'list' ? 'listAction' : a);
  const call = (m: RequestModel, args: string[]) => `${service(m)}->${action(m.action)}(${args.map((a) => '$' + a).join(', ')})`;

  function state(ctx: CodegenContext, enums: Set<string>): EmitState {
    return newState(emitter(ns, enums), RESERVED.php, ctx, ['config', 'client', 'ks', 'result', 'e']);
  }

  function setupLines(st: EmitState, ctx: CodegenContext): string[] {
    const s = sessionPlan(ctx);
    const a = emitArgs(s, st);
    const partner = a.args.find((x) => x.name === 'partnerId')?.varName;
    return [
      ...a.stmts,
      `$config = new ${ns ? 'Configuration' : 'KalturaConfiguration'}(${partner ? '$' + partner : ''});`,
      `$config->setServiceUrl(${phpString(ctx.connection.serviceUrl)});`,
      ns ? '$client = new Client($config);' : '$client = new KalturaClient($config);',
      `$ks = ${call(s.model, a.args.map((x) => x.varName))};`,
      '$client->setKs($ks);',
      '',
    ];
  }

  function header(st: EmitState, enums: Set<string>, setup: boolean): string[] {
    if (!ns) return ['<?php', ...(setup ? ["require_once('lib/KalturaClient.php');", ''] : [''])];
    const uses = new Set<string>();
    if (setup) {
      uses.add('Kaltura\\Client\\Configuration');
      uses.add('Kaltura\\Client\\Client');
    }
    for (const u of st.uses) {
      const short = stripKaltura(u);
      uses.add(enums.has(u) ? `Kaltura\\Client\\Enum\\${short}` : `Kaltura\\Client\\Type\\${short}`);
    }
    return [
      '<?php',
      ...(setup ? ["// Autoloads Kaltura\\Client\\... (Composer: kaltura/api-client-library, or the library's own class loader).", "require_once 'vendor/autoload.php';", ''] : []),
      ...[...uses].sort().map((u) => `use ${u};`),
      '',
    ];
  }

  return {
    id: ns ? 'php53' : 'php',
    label: ns ? 'PHP 5.3+ (namespaced)' : 'PHP',
    fileExtension: 'php',
    shikiLang: 'php',
    grammar: 'php',
    step(model, ctx) {
      const enums = new Set<string>();
      const st = state(ctx, enums);
      const setup = ctx.setup ? setupLines(st, ctx) : [];
      const a = emitArgs(planCall(model, ctx), st);
      const body = [
        ...setup,
        ...a.stmts,
        'try {',
        `  $result = ${call(model, a.args.map((x) => x.varName))};`,
        '  var_dump($result);',
        '} catch (Exception $e) {',
        '  echo $e->getMessage();',
        '}',
      ];
      return finish([...header(st, enums, ctx.setup), ...body], ctx, [model]);
    },
    program(models, ctx) {
      const enums = new Set<string>();
      const st = state(ctx, enums);
      const steps = new Map<number, ProgramStep>();
      chainRefs(st, steps, phpAccess);
      const body = setupLines(st, ctx);
      for (const model of models) {
        const plan = planCall(model, ctx);
        const a = emitArgs(plan, st);
        const resultVar = st.names.alloc(resultName(plan));
        steps.set(model.stepIndex, { plan, resultVar, resultType: plan.result, args: a });
        body.push(
          `// Step ${model.stepIndex + 1}: ${model.service}.${model.action}`,
          ...a.stmts,
          `$${resultVar} = ${call(model, a.args.map((x) => x.varName))};`,
          `print_r($${resultVar});`,
          '',
        );
      }
      // An uncaught API exception ends the script with a non-zero status.
      return finish([...header(st, enums, true), ...body], ctx, models);
    },
  };
}

export const php = makePhp(false);
export const php53 = makePhp(true);
