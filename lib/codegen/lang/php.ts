/**
 * php: the PHP client (`$client->media->add($entry)`, `new KalturaMediaEntry()`; plugin services
 * through their plugin: `KalturaMetadataClientPlugin::get($client)->metadataProfile`, the plugin's
 * file required);
 * php53: the namespaced client (`use Kaltura\Client\Type\MediaEntry;`,
 * `$client->getMediaService()->add($entry)`, `MetadataPlugin::get($client)->getMetadataProfileService()`).
 */
import type { RequestModel } from '../../request/types';
import { RESERVED, lowerFirst, pascal, stripKaltura } from '../naming';
import { emitArgs, extraReads, planCall, pluginOf, readsOf, resultShape, type CallPlan, type EmitState, type Emitter } from '../plan';
import { floatLiteral, intLiteral, phpString } from '../strings';
import type { CodegenContext, LanguageGenerator } from '../types';
import { chainRefs, programSteps, finish, indent, newState, sessionPlan, type ProgramStep, fillInLines } from './common';

function phpAccess(base: string, segs: Array<string | number>): string {
  return (
    '$' + base + segs.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_]\w*$/.test(s) ? `->${s}` : `->{${phpString(s)}}`)).join('')
  );
}

/** Client method names for actions that are PHP reserved words. */
export function phpActionName(a: string): string {
  return a === 'list' || a === 'clone' || a === 'goto' ? a + 'Action' : a;
}

/** `$client->media`, `KalturaMetadataClientPlugin::get($client)->metadataProfile` (php). */
export function phpService(m: RequestModel, plugin: string | undefined): string {
  return plugin ? `Kaltura${pascal(plugin)}ClientPlugin::get($client)->${m.service}` : `$client->${m.service}`;
}

/** `$client->getMediaService()`, `MetadataPlugin::get($client)->getMetadataProfileService()` (php53). */
export function php53Service(m: RequestModel, plugin: string | undefined): string {
  return plugin ? `${pascal(plugin)}Plugin::get($client)->get${pascal(m.service)}Service()` : `$client->get${pascal(m.service)}Service()`;
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
    map: (entries) => `array(${entries.map(([k, e]) => `${phpString(k)} => ${e}`).join(', ')})`,
    comment: (t) => `// ${t}`,
    varRef: (v) => `$${v}`,
    hexDigest: (v, digest, parts) => [`$${v} = hash('${digest}', ${parts.join(' . ')});`],
    digests: ['md5', 'sha1', 'sha256', 'sha512'],
  };
}

function makePhp(ns: boolean): LanguageGenerator {
  function call(plan: CallPlan, ctx: CodegenContext, st: EmitState, args: string[]): string {
    const plugin = pluginOf(plan.model, ctx.api);
    if (plugin) st.uses.add(`plugin:${plugin}`);
    const service = ns ? php53Service(plan.model, plugin) : phpService(plan.model, plugin);
    return `${service}->${phpActionName(plan.model.action)}(${args.map((a) => '$' + a).join(', ')})`;
  }

  /** What the reader needs from a result, with the values later steps read that it does not show (`reads`). */
  function printResult(plan: CallPlan, ctx: CodegenContext, v: string, reads?: readonly string[]): string[] {
    const shape = resultShape(plan, ctx.api);
    const more = extraReads(shape, reads);
    const label = `${plan.model.service}.${plan.model.action}`;
    const top = more.top.map((r) => `echo ${phpString(r.path + ': ')}, ${phpAccess(v, r.segs)}, "\\n";`);
    switch (shape.kind) {
      case 'void':
        return [`echo ${phpString(label + ': done\n')};`];
      case 'scalar':
        return [`echo ${phpString(label + ': ')}, $${v}, "\\n";`];
      case 'object':
        return [...shape.fields.map((f) => `echo ${phpString(f + ': ')}, $${v}->${f}, "\\n";`), ...top];
      case 'list': {
        const fields = [...shape.itemFields.map((f) => ({ path: f, segs: [f] as Array<string | number> })), ...more.item];
        return [
          `echo "totalCount: ", $${v}->totalCount, "\\n";`,
          `foreach ($${v}->objects as $item) {`,
          ...indent(
            [
              fields.length
                ? `echo ${fields.map((f) => `${phpString(f.path + ': ')}, ${phpAccess('item', f.segs)}`).join(', " ", ')}, "\\n";`
                : 'print_r($item);',
            ],
            '    ',
          ),
          '}',
          ...top,
        ];
      }
      default:
        return [`print_r($${v});`];
    }
  }

  function state(ctx: CodegenContext, enums: Set<string>): EmitState {
    const st = newState(emitter(ns, enums), RESERVED.php, ctx, ['config', 'client', 'ks', 'result', 'e', 'item']);
    st.ks = '$client->getKs()';
    return st;
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
      `$ks = ${call(
        s,
        ctx,
        st,
        a.args.map((x) => x.varName),
      )};`,
      '$client->setKs($ks);',
      '',
    ];
  }

  function header(st: EmitState, ctx: CodegenContext, enums: Set<string>, setup: boolean): string[] {
    const plugins = new Set<string>();
    for (const u of st.uses) {
      if (u.startsWith('plugin:')) plugins.add(u.slice(7));
      else {
        const p = ctx.api?.pluginOf?.(u);
        if (p) plugins.add(p);
      }
    }
    if (!ns) {
      const requires = [...plugins].sort().map((p) => `require_once('lib/KalturaPlugins/Kaltura${pascal(p)}ClientPlugin.php');`);
      return ['<?php', ...(setup || requires.length ? ["require_once('lib/KalturaClient.php');", ...requires, ''] : [''])];
    }
    const uses = new Set<string>();
    if (setup) {
      uses.add('Kaltura\\Client\\Configuration');
      uses.add('Kaltura\\Client\\Client');
    }
    for (const u of st.uses) {
      if (u.startsWith('plugin:')) {
        const p = pascal(u.slice(7));
        uses.add(`Kaltura\\Client\\Plugin\\${p}\\${p}Plugin`);
        continue;
      }
      const short = stripKaltura(u);
      const p = ctx.api?.pluginOf?.(u);
      const base = p ? `Kaltura\\Client\\Plugin\\${pascal(p)}` : 'Kaltura\\Client';
      uses.add(enums.has(u) ? `${base}\\Enum\\${short}` : `${base}\\Type\\${short}`);
    }
    return [
      '<?php',
      ...(setup
        ? [
            "// Autoloads Kaltura\\Client\\... (Composer: kaltura/api-client-library, or the library's own class loader).",
            "require_once 'vendor/autoload.php';",
            '',
          ]
        : []),
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
      const plan = planCall(model, ctx);
      const a = emitArgs(plan, st);
      const void_ = !plan.result && plan.op;
      const body = [
        ...setup,
        ...a.stmts,
        'try {',
        `  ${void_ ? '' : '$result = '}${call(
          plan,
          ctx,
          st,
          a.args.map((x) => x.varName),
        )};`,
        ...indent(printResult(plan, ctx, 'result', ctx.reads), '  '),
        '} catch (Exception $e) {',
        '  fwrite(STDERR, $e->getMessage() . "\\n");',
        '  exit(1);',
        '}',
      ];
      return finish([...header(st, ctx, enums, ctx.setup), ...fillInLines(st), ...body], ctx, [model]);
    },
    program(models, ctx) {
      const enums = new Set<string>();
      const st = state(ctx, enums);
      const steps = new Map<number, ProgramStep>();
      chainRefs(st, steps, phpAccess);
      const reads = readsOf(models);
      const body = setupLines(st, ctx);
      for (const { model, plan, args: a, resultVar, title } of programSteps(models, ctx, st, steps)) {
        const void_ = !plan.result && plan.op;
        body.push(
          `// ${title}`,
          ...a.stmts,
          `${void_ ? '' : `$${resultVar} = `}${call(
            plan,
            ctx,
            st,
            a.args.map((x) => x.varName),
          )};`,
          ...printResult(plan, ctx, resultVar, reads.get(model.stepIndex)),
          '',
        );
      }
      // An uncaught API exception ends the script with a non-zero status.
      return finish([...header(st, ctx, enums, true), ...fillInLines(st), ...body], ctx, models);
    },
  };
}

export const php = makePhp(false);
export const php53 = makePhp(true);
