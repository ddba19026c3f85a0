/** The head of a recipe page: icon, title, summary, tags, and the page tools slot. */
import type { Recipe } from '@/lib/recipe/types';
import { RecipeIcon } from './RecipeIcon';
import { PageTools } from './PageTools';

export function RecipeHeader({ slug, recipe }: { slug: string; recipe: Recipe }) {
  const { metadata } = recipe;
  return (
    <header className="recipe-header">
      <div className="recipe-header-main">
        <span className="recipe-header-icon">
          <RecipeIcon name={metadata.icon} size={28} />
        </span>
        <div>
          <h1 id="recipe-title" className="recipe-title">
            {recipe.title || slug}
          </h1>
          {metadata.summary && <p className="recipe-summary">{metadata.summary}</p>}
          {metadata.tags.length > 0 && (
            <ul className="tag-list" aria-label="Tags">
              {metadata.tags.map((t) => (
                <li key={t} className="tag">
                  {t}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <PageTools slug={slug} stepCount={recipe.steps.length} />
    </header>
  );
}
