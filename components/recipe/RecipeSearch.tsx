'use client';
/**
 * The index's search box and the list it filters. The cards are rendered on the server and passed
 * in as `card`; this component only keeps the query and shows the items whose `haystack` (title,
 * summary, tags, keywords, lower-cased) contains every word of it. The query is kept in the URL
 * (`?q=`) so a filtered list can be linked and survives a reload.
 */
import { useEffect, useId, useState, type ReactNode } from 'react';

export interface SearchItem {
  slug: string;
  /** Lower-cased text the query is matched against. */
  haystack: string;
  card: ReactNode;
}

export function matches(haystack: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((w) => haystack.includes(w));
}

export function RecipeSearch({ items }: { items: SearchItem[] }) {
  const id = useId();
  const [query, setQuery] = useState('');

  useEffect(() => {
    const q = new URLSearchParams(window.location.search).get('q');
    if (q) setQuery(q);
  }, []);

  function update(value: string) {
    setQuery(value);
    const url = new URL(window.location.href);
    if (value) url.searchParams.set('q', value);
    else url.searchParams.delete('q');
    window.history.replaceState(window.history.state, '', url);
  }

  const shown = items.filter((it) => matches(it.haystack, query));
  return (
    <>
      <div className="search" role="search">
        <label htmlFor={`${id}-q`} className="search-label">
          Search recipes
        </label>
        <input
          id={`${id}-q`}
          className="search-input"
          type="search"
          placeholder="Title, tag or keyword"
          autoComplete="off"
          spellCheck={false}
          value={query}
          onChange={(e) => update(e.target.value)}
          aria-describedby={`${id}-count`}
        />
        <p id={`${id}-count`} className="search-count" aria-live="polite">
          {query ? `${shown.length} of ${items.length} recipes match` : `${items.length} ${items.length === 1 ? 'recipe' : 'recipes'}`}
        </p>
      </div>
      {shown.length > 0 ? (
        <ul className="recipe-grid" aria-label="Recipes">
          {shown.map((it) => (
            <li key={it.slug} className="recipe-grid-item" data-slug={it.slug}>
              {it.card}
            </li>
          ))}
        </ul>
      ) : items.length === 0 ? (
        <p className="empty-note">
          There are no recipes yet: add a markdown file to <code>recipes/</code>.
        </p>
      ) : (
        <p className="empty-note">No recipe matches “{query}”. Try a tag such as “media”, or clear the search.</p>
      )}
    </>
  );
}
