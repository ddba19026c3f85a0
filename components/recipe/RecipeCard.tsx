/** One recipe on the index: icon, title (the link), summary, tags. */
import Link from 'next/link';
import type { RecipeSummary } from '@/lib/server/recipes';
import { RecipeIcon } from './RecipeIcon';

export function RecipeCard({ recipe }: { recipe: RecipeSummary }) {
  return (
    <article className="recipe-card">
      <span className="recipe-card-icon">
        <RecipeIcon name={recipe.icon} />
      </span>
      <div className="recipe-card-body">
        <h2 className="recipe-card-title">
          <Link href={`/recipes/${recipe.slug}`} className="recipe-card-link">
            {recipe.title}
          </Link>
        </h2>
        {recipe.summary && <p className="recipe-card-summary">{recipe.summary}</p>}
        <p className="recipe-card-meta">
          {recipe.stepCount} {recipe.stepCount === 1 ? 'step' : 'steps'}
        </p>
        {recipe.tags.length > 0 && (
          <ul className="tag-list" aria-label="Tags">
            {recipe.tags.map((t) => (
              <li key={t} className="tag">
                {t}
              </li>
            ))}
          </ul>
        )}
        {recipe.errorCount > 0 && (
          <p className="recipe-card-problems">
            {recipe.errorCount} {recipe.errorCount === 1 ? 'error' : 'errors'} in this recipe
          </p>
        )}
      </div>
    </article>
  );
}
