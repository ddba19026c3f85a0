/**
 * Code samples for every portal language. `GENERATORS[lang].step(model, ctx)` prints one step,
 * `.program(models, ctx)` the whole recipe. Hand-written samples are filled by `handWritten`.
 */
import type { PortalLanguage } from '../recipe/types';
import { ajax } from './lang/ajax';
import { angular } from './lang/angular';
import { csharp } from './lang/csharp';
import { curl } from './lang/curl';
import { java } from './lang/java';
import { node } from './lang/node';
import { php, php53 } from './lang/php';
import { python } from './lang/python';
import { ruby } from './lang/ruby';
import { swift } from './lang/swift';
import type { LanguageGenerator } from './types';

export type { CodegenContext, LanguageGenerator, LanguageId } from './types';
export { KS_PLACEHOLDER, SECRET_PLACEHOLDER } from './types';

export const GENERATORS: Record<PortalLanguage, LanguageGenerator> = {
  ajax,
  angular,
  csharp,
  curl,
  java,
  node,
  php,
  php53,
  python,
  ruby,
  swift,
};

export const LANGUAGE_IDS = Object.keys(GENERATORS) as PortalLanguage[];

export function generatorFor(lang: string): LanguageGenerator | undefined {
  return (GENERATORS as Record<string, LanguageGenerator>)[lang];
}
