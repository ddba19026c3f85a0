/**
 * Connects the recipe tooling to Monaco: completion inside METADATA and API Call blocks (and
 * snippets elsewhere), hover docs for the format's keys, and lint diagnostics as markers.
 */
import type { editor as MonacoEditor, IDisposable, languages } from 'monaco-editor';
import type { Diagnostic } from '@/lib/recipe/types';
import type { Monaco } from './monaco';
import { keysAt, suggest, type CompletionSources, type Suggestion } from '@/lib/author/completions';
import { cursorContext } from '@/lib/author/cursor-context';

export const MARKER_OWNER = 'recipe-lint';

function kindOf(monaco: Monaco, s: Suggestion): languages.CompletionItemKind {
  const K = monaco.languages.CompletionItemKind;
  switch (s.kind) {
    case 'property':
      return K.Property;
    case 'operation':
      return K.Function;
    case 'parameter':
      return K.Field;
    case 'snippet':
      return K.Snippet;
    case 'step':
      return K.Reference;
    default:
      return K.Value;
  }
}

/** Registers the completion and hover providers for markdown; returns what to dispose. */
export function registerRecipeLanguage(monaco: Monaco, sources: () => CompletionSources): IDisposable[] {
  const completion = monaco.languages.registerCompletionItemProvider('markdown', {
    triggerCharacters: ['"', ':', '/', ' '],
    provideCompletionItems(model, position, context) {
      const text = model.getValue();
      const offset = model.getOffsetAt(position);
      const ctx = cursorContext(text, offset);
      if (ctx.kind === 'none') {
        // Snippets only on request (Ctrl+Space) at the start of a line, never while typing prose.
        const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
        if (context.triggerKind !== monaco.languages.CompletionTriggerKind.Invoke || !/^\s*[\w#-]*$/.test(before))
          return { suggestions: [] };
        const word = model.getWordUntilPosition(position);
        const start = model.getOffsetAt({ lineNumber: position.lineNumber, column: word.startColumn });
        ctx.replaceStart = start;
        ctx.replaceEnd = offset;
      }
      const items = suggest(ctx, sources());
      const suggestions: languages.CompletionItem[] = items.map((s) => {
        const a = model.getPositionAt(s.replaceStart);
        const b = model.getPositionAt(s.replaceEnd);
        const item: languages.CompletionItem = {
          label: s.label,
          kind: kindOf(monaco, s),
          insertText: s.insertText,
          range: new monaco.Range(a.lineNumber, a.column, b.lineNumber, b.column),
        };
        // Monaco's optional fields do not take undefined: set only those the suggestion has.
        if (s.snippet) item.insertTextRules = monaco.languages.CompletionItemInsertTextRule.InsertAsSnippet;
        if (s.filterText !== undefined) item.filterText = s.filterText;
        if (s.detail !== undefined) item.detail = s.detail;
        if (s.documentation) item.documentation = { value: s.documentation };
        if (s.sortText !== undefined) item.sortText = s.sortText;
        return item;
      });
      return { suggestions };
    },
  });

  const hover = monaco.languages.registerHoverProvider('markdown', {
    provideHover(model, position) {
      const offset = model.getOffsetAt(position);
      const text = model.getValue();
      const ctx = cursorContext(text, offset);
      if (ctx.kind === 'none' || !ctx.isKey) return null;
      const key = ctx.path[ctx.path.length - 1];
      if (typeof key !== 'string' || !key) return null;
      const src = sources();
      const schema = ctx.kind === 'metadata' ? src.metadataSchema : src.apiCallSchema;
      const doc = schema ? keysAt(schema, ctx.path.slice(0, -1)).find((k) => k.key === key) : undefined;
      if (!doc?.description) return null;
      return {
        contents: [{ value: `**${doc.key}**${doc.type ? ` · \`${doc.type}\`` : ''}` }, { value: doc.description }],
      };
    },
  });
  return [completion, hover];
}

/** Shows lint diagnostics as markers (squiggles with the message on hover; the rule id is the marker's code). */
export function setDiagnostics(monaco: Monaco, model: MonacoEditor.ITextModel, diagnostics: Diagnostic[]): void {
  const lineCount = model.getLineCount();
  const markers: MonacoEditor.IMarkerData[] = diagnostics.map((d) => {
    const startLineNumber = Math.min(Math.max(1, d.line), lineCount);
    let endLineNumber = Math.min(Math.max(startLineNumber, d.endLine || d.line), lineCount);
    const startColumn = Math.max(1, d.column);
    let endColumn = Math.max(1, d.endColumn || d.column);
    if (endLineNumber === startLineNumber && endColumn <= startColumn) {
      // A point: underline the word there (or one character) so the squiggle is visible.
      const word = model.getWordAtPosition({ lineNumber: startLineNumber, column: startColumn });
      endColumn =
        word && word.endColumn > startColumn ? word.endColumn : Math.min(startColumn + 1, model.getLineMaxColumn(startLineNumber));
      if (endColumn <= startColumn) endLineNumber = startLineNumber;
    }
    return {
      severity: d.severity === 'error' ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      message: d.message,
      code: d.rule,
      source: 'recipes:lint',
      startLineNumber,
      startColumn,
      endLineNumber,
      endColumn,
    };
  });
  monaco.editor.setModelMarkers(model, MARKER_OWNER, markers);
}
