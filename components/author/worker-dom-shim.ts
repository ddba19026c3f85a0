/**
 * The markdown parser decodes named character references (`&amp;`) with a DOM element when it is
 * bundled for browsers (decode-named-character-reference's "browser" build). A worker has no DOM,
 * so this gives it the one thing that build uses, an element whose innerHTML `&name;` reads back
 * as the character, from the same table the package's non-DOM build uses (character-entities, a
 * dependency of mdast-util-from-markdown). Must be imported before the parser.
 */
import { characterEntities } from 'character-entities';

if (typeof document === 'undefined') {
  const fakeDocument = {
    createElement() {
      let text = '';
      return {
        set innerHTML(html: string) {
          const name = html.startsWith('&') && html.endsWith(';') ? html.slice(1, -1) : '';
          const value = Object.prototype.hasOwnProperty.call(characterEntities, name) ? characterEntities[name] : undefined;
          text = value ?? html;
        },
        get textContent() {
          return text;
        },
      };
    },
  };
  (globalThis as unknown as { document: unknown }).document = fakeDocument;
}
