/** Parses generated code with real tree-sitter grammars (web-tree-sitter + tree-sitter-wasms). */
import Parser from 'web-tree-sitter';
import { join } from 'node:path';
import { ROOT } from './fixtures';

let init: Promise<void> | undefined;
const languages = new Map<string, Promise<Parser.Language>>();

async function language(grammar: string): Promise<Parser.Language> {
  init ??= Parser.init();
  await init;
  let l = languages.get(grammar);
  if (!l) {
    l = Parser.Language.load(join(ROOT, 'node_modules/tree-sitter-wasms/out', `tree-sitter-${grammar}.wasm`));
    languages.set(grammar, l);
  }
  return l;
}

export interface SyntaxProblem {
  type: 'ERROR' | 'MISSING';
  line: number;
  column: number;
  text: string;
}

/** Every ERROR and MISSING node of `code` under `grammar`, with 1-based positions. */
export async function syntaxProblems(code: string, grammar: string): Promise<SyntaxProblem[]> {
  const lang = await language(grammar);
  const parser = new Parser();
  parser.setLanguage(lang);
  const tree = parser.parse(code);
  const problems: SyntaxProblem[] = [];
  const cursor = tree.walk();
  const visit = (): void => {
    const node = cursor.currentNode;
    if (node.isError || node.isMissing) {
      problems.push({
        type: node.isMissing ? 'MISSING' : 'ERROR',
        line: node.startPosition.row + 1,
        column: node.startPosition.column + 1,
        text: code.split('\n')[node.startPosition.row] ?? '',
      });
    }
    if (node.hasError && cursor.gotoFirstChild()) {
      do visit();
      while (cursor.gotoNextSibling());
      cursor.gotoParent();
    }
  };
  visit();
  tree.delete();
  parser.delete();
  return problems;
}
