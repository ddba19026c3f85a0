/**
 * format=3 answers (PHP serialize) as the official PHP client reads them: real `php` unserializes
 * them into objects of the named classes, and an error into the array its `isError` checks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KalturaApiError } from '@/lib/sandbox/errors';
import { toPhpSerialized } from '@/lib/sandbox/serialize';

const php = ['/usr/bin/php', '/usr/local/bin/php'].find((p) => existsSync(p));
if (!php) console.warn('SKIPPED in part: no php binary; format=3 answers are checked by their text only.');

/** Unserializes with PHP (classes declared as in the client) and returns what PHP sees, as JSON. */
function inPhp(serialized: string): unknown {
  const code = `class KalturaObjectBase {} class KalturaMediaEntry extends KalturaObjectBase { public $id; public $name; public $mediaType; }
class KalturaMediaListResponse extends KalturaObjectBase { public $objects; public $totalCount; }
$r = unserialize(stream_get_contents(STDIN));
function dump($v) { if (is_object($v)) { $o = ['__class' => get_class($v)]; foreach (get_object_vars($v) as $k => $x) $o[$k] = dump($x); return $o; }
  if (is_array($v)) return array_map('dump', $v); return $v; }
$isError = is_array($r) && isset($r["message"]) && isset($r["code"]);
echo json_encode(['value' => dump($r), 'isError' => $isError, 'false' => $r === false]);`;
  return JSON.parse(execFileSync(php!, ['-r', code], { input: serialized }).toString());
}

describe('format=3 (PHP serialize)', () => {
  const entry = {
    objectType: 'KalturaMediaEntry',
    id: '0_abc',
    name: 'Clip "1" 日本 \\ $x',
    mediaType: 1,
    status: null,
    rank: 1.5,
    flag: true,
  };

  it('writes objects, lists and scalars in PHP serialize form', () => {
    expect(toPhpSerialized('djJ8a3M')).toBe('s:7:"djJ8a3M";');
    expect(toPhpSerialized(12)).toBe('i:12;');
    expect(toPhpSerialized(true)).toBe('b:1;');
    expect(toPhpSerialized(null)).toBe('N;');
    expect(toPhpSerialized({ objectType: 'KalturaX', a: 'é' })).toBe('O:8:"KalturaX":1:{s:1:"a";s:2:"é";}');
    expect(toPhpSerialized([1, 'a'])).toBe('a:2:{i:0;i:1;i:1;s:1:"a";}');
  });

  it.skipIf(!php)('php unserializes an entry into its class, with every value intact', () => {
    const r = inPhp(toPhpSerialized(entry)) as { value: Record<string, unknown>; isError: boolean };
    expect(r.isError).toBe(false);
    expect(r.value).toEqual({
      __class: 'KalturaMediaEntry',
      id: '0_abc',
      name: 'Clip "1" 日本 \\ $x',
      mediaType: 1,
      rank: 1.5,
      flag: true,
    });
  });

  it.skipIf(!php)('php unserializes a list response with its objects', () => {
    const r = inPhp(
      toPhpSerialized({ objectType: 'KalturaMediaListResponse', objects: [entry, { ...entry, id: '0_def' }], totalCount: 2 }),
    ) as {
      value: { objects: Array<{ __class: string; id: string }>; totalCount: number };
    };
    expect(r.value.totalCount).toBe(2);
    expect(r.value.objects.map((o) => [o.__class, o.id])).toEqual([
      ['KalturaMediaEntry', '0_abc'],
      ['KalturaMediaEntry', '0_def'],
    ]);
  });

  it.skipIf(!php)('an error is the array the PHP client recognises, with its args', () => {
    const err = new KalturaApiError('ENTRY_ID_NOT_FOUND', { ENTRY_ID: '0_nope' }).toObject();
    const r = inPhp(toPhpSerialized(err)) as { value: Record<string, unknown>; isError: boolean };
    expect(r.isError).toBe(true);
    expect(r.value.code).toBe('ENTRY_ID_NOT_FOUND');
    expect(r.value.message).toContain('0_nope');
    expect(r.value.args).toEqual({ ENTRY_ID: '0_nope' });
  });
});
