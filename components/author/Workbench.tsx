'use client';
/**
 * /author: the recipe editor (Monaco, local package only) with live diagnostics, completion and
 * snippets, beside a live preview of the step runner. Drafts are kept in localStorage so nothing
 * typed is lost; Download saves the .md file; in development mode the draft can also be saved into
 * recipes/ through POST /api/recipes.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { IDisposable } from 'monaco-editor';
import type { Diagnostic, Recipe } from '@/lib/recipe/types';
import { describeParts, getKalturaDescription, type ApiDescription } from '@/lib/description';
import type { DescriptionPartsPayload } from '@/lib/server/description-json';
import metadataSchema from '@/lib/recipe/schemas/metadata.schema.json';
import apiCallSchema from '@/lib/recipe/schemas/api-call.schema.json';
import CodeEditor, { type EditorInstance } from './CodeEditor';
import type { Monaco } from './monaco';
import { RecipeLinter } from './lint-client';
import { registerRecipeLanguage, setDiagnostics } from './monaco-language';
import type { CompletionSources } from '@/lib/author/completions';
import { SNIPPETS, type RecipeSnippet } from '@/lib/author/snippets';
import { Preview } from './Preview';
import { Problems } from './Problems';
import { SaveBar } from './SaveBar';

export interface RecipeChoice {
  slug: string;
  title: string;
}

export interface WorkbenchProps {
  /** The recipe's source (a file from recipes/, or the template). */
  initialSource: string;
  /** The file's slug, or the template's. */
  slug: string;
  /** True when the source is a file from recipes/ (false: the template). */
  fromFile: boolean;
  recipes: RecipeChoice[];
  /** Development mode: the "Save to recipes/" button is offered. */
  canSave: boolean;
  /**
   * Where to load the server's API description from when it is not the built-in one (RECIPES_API
   * is set): lint, completion and the preview wait for it.
   */
  descriptionUrl?: string | undefined;
}

const LINT_DEBOUNCE_MS = 200;

declare global {
  interface Window {
    __recipeEditor?: EditorInstance;
    __monaco?: Monaco;
    __recipeLint?: { source: string; diagnostics: Diagnostic[]; ms: number; where: string };
  }
}

function draftKey(slug: string, fromFile: boolean): string {
  return `recipe-console:author-draft:${fromFile ? slug : '(new)'}`;
}

interface Draft {
  source: string;
  savedAt: number;
}

function readDraft(key: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return undefined;
    const d = JSON.parse(raw) as Draft;
    return typeof d.source === 'string' ? d : undefined;
  } catch {
    return undefined;
  }
}

function usePrefersDark(): boolean {
  const [dark, setDark] = useState(false);
  useEffect(() => {
    const mq = window.matchMedia('(prefers-color-scheme: dark)');
    setDark(mq.matches);
    const on = (e: MediaQueryListEvent) => setDark(e.matches);
    mq.addEventListener('change', on);
    return () => mq.removeEventListener('change', on);
  }, []);
  return dark;
}

export default function Workbench({ initialSource, slug, fromFile, recipes, canSave, descriptionUrl }: WorkbenchProps) {
  const dark = usePrefersDark();
  const [source, setSource] = useState(initialSource);
  const [recipe, setRecipe] = useState<Recipe>();
  const [lintInfo, setLintInfo] = useState<{ ms: number; where: string }>();
  const [restorable, setRestorable] = useState<Draft>();
  const editorRef = useRef<EditorInstance>(undefined);
  const monacoRef = useRef<Monaco>(undefined);
  const linterRef = useRef<RecipeLinter>(undefined);
  const disposables = useRef<IDisposable[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const key = draftKey(slug, fromFile);
  const recipeRef = useRef<Recipe>(undefined);
  recipeRef.current = recipe;

  const [loadedApi, setLoadedApi] = useState<{ api?: ApiDescription; parts?: DescriptionPartsPayload['parts']; error?: string }>({});
  useEffect(() => {
    if (!descriptionUrl) return;
    let cancelled = false;
    fetch(descriptionUrl, { headers: { accept: 'application/json' } })
      .then(async (r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        const payload = (await r.json()) as DescriptionPartsPayload;
        if (!cancelled) setLoadedApi({ api: describeParts(payload.parts), parts: payload.parts });
      })
      .catch(
        (e: unknown) =>
          !cancelled &&
          setLoadedApi({
            error: `The server's API description could not be loaded (${(e as Error)?.message ?? e}): reload the page to try again.`,
          }),
      );
    return () => {
      cancelled = true;
    };
  }, [descriptionUrl]);
  const builtin = useMemo(() => (descriptionUrl ? undefined : getKalturaDescription()), [descriptionUrl]);
  const api = builtin ?? loadedApi.api;
  const sources = useCallback(
    (): CompletionSources => ({
      api,
      metadataSchema,
      apiCallSchema,
      recipeSlugs: recipes.map((r) => r.slug),
      steps: recipeRef.current?.steps.map((s) => ({ index: s.index, title: s.title, hasCall: !!s.apiCall?.path })),
    }),
    [api, recipes],
  );

  // Lint: in a worker, debounced; the newest text wins.
  const runLint = useCallback((text: string) => {
    linterRef.current ??= new RecipeLinter();
    void linterRef.current.lint(text).then((r) => {
      if (!r) return;
      setRecipe(r.recipe);
      setLintInfo({ ms: r.ms, where: r.where });
      const model = editorRef.current?.getModel();
      if (monacoRef.current && model && model.getValue() === text) setDiagnostics(monacoRef.current, model, r.recipe.diagnostics);
      window.__recipeLint = { source: text, diagnostics: r.recipe.diagnostics, ms: r.ms, where: r.where };
    });
  }, []);

  // With a configured description, lint waits for it (the built-in one would flag its operations).
  const sourceRef = useRef(initialSource);
  sourceRef.current = source;
  useEffect(() => {
    if (!loadedApi.parts) return;
    linterRef.current ??= new RecipeLinter();
    linterRef.current.setDescription(loadedApi.parts);
    runLint(sourceRef.current);
  }, [loadedApi.parts, runLint]);

  useEffect(() => {
    if (!descriptionUrl) runLint(initialSource);
    const draft = readDraft(key);
    if (draft && draft.source !== initialSource) setRestorable(draft);
    return () => {
      clearTimeout(timer.current);
      linterRef.current?.dispose();
      linterRef.current = undefined;
      for (const d of disposables.current) d.dispose();
      disposables.current = [];
    };
  }, [initialSource, key, runLint, descriptionUrl]);

  const onChange = useCallback(
    (text: string) => {
      setSource(text);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        runLint(text);
        try {
          if (text === initialSource) localStorage.removeItem(key);
          else localStorage.setItem(key, JSON.stringify({ source: text, savedAt: Date.now() } satisfies Draft));
        } catch {
          /* storage full or disabled: the draft lives in the editor only */
        }
      }, LINT_DEBOUNCE_MS);
    },
    [initialSource, key, runLint],
  );

  const onReady = useCallback(
    (editor: EditorInstance, monaco: Monaco) => {
      editorRef.current = editor;
      monacoRef.current = monaco;
      window.__recipeEditor = editor;
      window.__monaco = monaco;
      for (const d of disposables.current) d.dispose();
      disposables.current = registerRecipeLanguage(monaco, sources);
      const model = editor.getModel();
      if (model && recipeRef.current && window.__recipeLint?.source === model.getValue())
        setDiagnostics(monaco, model, recipeRef.current.diagnostics);
      else runLint(editor.getValue());
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => {
        document.getElementById('author-download')?.click();
      });
    },
    [sources, runLint],
  );

  const goTo = useCallback((d: Diagnostic) => {
    const editor = editorRef.current;
    if (!editor) return;
    const position = { lineNumber: Math.max(1, d.line), column: Math.max(1, d.column) };
    editor.setPosition(position);
    editor.revealPositionInCenter(position);
    editor.focus();
  }, []);

  const insertSnippet = useCallback((s: RecipeSnippet) => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model) return;
    const pos = editor.getPosition() ?? { lineNumber: model.getLineCount(), column: 1 };
    const line = model.getLineContent(pos.lineNumber);
    // Blocks start on a line of their own, after a blank line.
    let prefix = '';
    if (line.trim()) {
      editor.setPosition({ lineNumber: pos.lineNumber, column: model.getLineMaxColumn(pos.lineNumber) });
      prefix = '\n\n';
    }
    const controller = editor.getContribution('snippetController2') as { insert(template: string): void } | null;
    editor.focus();
    if (controller) controller.insert(prefix.replace(/\$/g, '\\$') + s.body);
    else editor.trigger('author', 'type', { text: prefix + s.body.replace(/\$\{\d+(?::([^}]*))?\}|\$\d/g, '$1') });
  }, []);

  const restore = () => {
    if (!restorable) return;
    editorRef.current?.setValue(restorable.source);
    if (!editorRef.current) setSource(restorable.source);
    setRestorable(undefined);
  };
  const discard = () => {
    try {
      localStorage.removeItem(key);
    } catch {
      /* nothing to remove */
    }
    setRestorable(undefined);
  };

  const diagnostics = recipe?.diagnostics ?? [];
  return (
    <div className="author">
      <div className="author-toolbar" role="toolbar" aria-label="Recipe editor">
        <div className="author-field">
          <label htmlFor="author-recipe">Recipe</label>
          <select
            id="author-recipe"
            value={fromFile ? slug : ''}
            onChange={(e) => {
              const v = e.target.value;
              window.location.assign(v ? `/author?recipe=${encodeURIComponent(v)}` : '/author');
            }}
          >
            <option value="">New recipe (template)</option>
            {recipes.map((r) => (
              <option key={r.slug} value={r.slug}>
                {r.title} ({r.slug}.md)
              </option>
            ))}
          </select>
        </div>
        <div className="author-snippets" role="group" aria-label="Insert">
          <span className="author-snippets-label">Insert</span>
          {SNIPPETS.map((s) => (
            <button
              key={s.id}
              type="button"
              className="button button-small"
              onClick={() => insertSnippet(s)}
              title={s.detail}
              data-snippet={s.id}
            >
              {s.button}
            </button>
          ))}
        </div>
        <SaveBar
          source={source}
          defaultName={`${slug}.md`}
          canSave={canSave}
          errorCount={diagnostics.filter((d) => d.severity === 'error').length}
          theme={dark ? 'dark' : 'light'}
        />
      </div>
      {restorable && (
        <div className="author-restore" role="status">
          You have unsaved changes to this recipe from {new Date(restorable.savedAt).toLocaleString()}.{' '}
          <button type="button" className="button button-small" onClick={restore}>
            Restore them
          </button>{' '}
          <button type="button" className="button button-small button-quiet" onClick={discard}>
            Discard
          </button>
        </div>
      )}
      <div className="author-panes">
        <section className="author-editor-pane" aria-label="Editor">
          <p className="author-hint" id="author-editor-hint">
            Ctrl+Space: completion and snippets · Tab inserts spaces; Ctrl+M switches Tab to moving the focus
          </p>
          <div className="author-editor" data-testid="recipe-editor">
            <CodeEditor initialValue={initialSource} onReady={onReady} onChange={onChange} theme={dark ? 'dark' : 'light'} />
          </div>
          <Problems diagnostics={diagnostics} onSelect={goTo} info={lintInfo} linted={!!recipe} />
        </section>
        <section className="author-preview-pane" aria-label="Preview">
          <h2 className="author-pane-title">Preview</h2>
          {api ? (
            <Preview slug={fromFile ? slug : 'draft'} recipe={recipe} api={api} />
          ) : (
            <p className="author-loading" role={loadedApi.error ? 'alert' : undefined}>
              {loadedApi.error ?? 'Loading the API description…'}
            </p>
          )}
        </section>
      </div>
    </div>
  );
}
