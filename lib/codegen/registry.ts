/**
 * The languages' descriptions without their generators, and a loader that imports one generator
 * on demand (one chunk per language in the browser), so a page that shows code samples ships only
 * the generator of the language being shown.
 */
import type { PortalLanguage } from '../recipe/types';
import type { LanguageGenerator } from './types';

export type LanguageInfo = Pick<LanguageGenerator, 'id' | 'label' | 'fileExtension' | 'shikiLang' | 'grammar'>;

export const LANGUAGES: Record<PortalLanguage, LanguageInfo> = {
  ajax: { id: 'ajax', label: 'JavaScript (browser)', fileExtension: 'js', shikiLang: 'javascript', grammar: 'javascript' },
  angular: { id: 'angular', label: 'Angular', fileExtension: 'ts', shikiLang: 'typescript', grammar: 'typescript' },
  csharp: { id: 'csharp', label: 'C#', fileExtension: 'cs', shikiLang: 'csharp', grammar: 'c_sharp' },
  curl: { id: 'curl', label: 'curl', fileExtension: 'sh', shikiLang: 'shellscript', grammar: 'bash' },
  java: { id: 'java', label: 'Java', fileExtension: 'java', shikiLang: 'java', grammar: 'java' },
  node: { id: 'node', label: 'Node.js', fileExtension: 'js', shikiLang: 'javascript', grammar: 'javascript' },
  php: { id: 'php', label: 'PHP', fileExtension: 'php', shikiLang: 'php', grammar: 'php' },
  php53: { id: 'php53', label: 'PHP 5.3+ (namespaced)', fileExtension: 'php', shikiLang: 'php', grammar: 'php' },
  python: { id: 'python', label: 'Python', fileExtension: 'py', shikiLang: 'python', grammar: 'python' },
  ruby: { id: 'ruby', label: 'Ruby', fileExtension: 'rb', shikiLang: 'ruby', grammar: 'ruby' },
  swift: { id: 'swift', label: 'Swift', fileExtension: 'swift', shikiLang: 'swift', grammar: 'swift' },
};

export function languageInfo(lang: string): LanguageInfo | undefined {
  return Object.prototype.hasOwnProperty.call(LANGUAGES, lang) ? LANGUAGES[lang as PortalLanguage] : undefined;
}

/** Static import paths, so bundlers emit one chunk per language. */
const LOADERS: Record<PortalLanguage, () => Promise<LanguageGenerator>> = {
  ajax: () => import('./lang/ajax').then((m) => m.ajax),
  angular: () => import('./lang/angular').then((m) => m.angular),
  csharp: () => import('./lang/csharp').then((m) => m.csharp),
  curl: () => import('./lang/curl').then((m) => m.curl),
  java: () => import('./lang/java').then((m) => m.java),
  node: () => import('./lang/node').then((m) => m.node),
  php: () => import('./lang/php').then((m) => m.php),
  php53: () => import('./lang/php').then((m) => m.php53),
  python: () => import('./lang/python').then((m) => m.python),
  ruby: () => import('./lang/ruby').then((m) => m.ruby),
  swift: () => import('./lang/swift').then((m) => m.swift),
};

const loaded = new Map<string, LanguageGenerator>();
const pending = new Map<string, Promise<LanguageGenerator>>();

/** The generator if it has been loaded already (synchronous, for rendering). */
export function loadedGenerator(lang: string): LanguageGenerator | undefined {
  return loaded.get(lang);
}

/** Loads one language's generator (once). Rejects for a language without a generator. */
export function loadGenerator(lang: string): Promise<LanguageGenerator> {
  const hit = loaded.get(lang);
  if (hit) return Promise.resolve(hit);
  if (!languageInfo(lang)) return Promise.reject(new Error(`No code generator for "${lang}".`));
  let p = pending.get(lang);
  if (!p) {
    p = LOADERS[lang as PortalLanguage]().then((g) => {
      loaded.set(lang, g);
      return g;
    });
    p.catch(() => pending.delete(lang));
    pending.set(lang, p);
  }
  return p;
}
