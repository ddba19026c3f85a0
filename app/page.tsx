import { listVisibleRecipes } from '@/lib/server/recipes';
import { getServerApi } from '@/lib/server/api';
import { liveReloadEnabled } from '@/lib/server/recipe-watch';
import { LiveReload } from '@/components/recipe/LiveReload';
import { RecipeCard } from '@/components/recipe/RecipeCard';
import { RecipeSearch } from '@/components/recipe/RecipeSearch';

/** Rendered per request: a recipe file added, edited or deleted shows on the next load. */
export const dynamic = 'force-dynamic';

export default async function Home() {
  const recipes = listVisibleRecipes((await getServerApi()).api);
  const items = recipes.map((r) => ({
    slug: r.slug,
    haystack: [r.title, r.summary ?? '', ...r.tags, ...r.keywords].join('\n').toLowerCase(),
    card: <RecipeCard recipe={r} />,
  }));
  return (
    <main id="main" className="page page-index" tabIndex={-1}>
      {liveReloadEnabled() && <LiveReload />}
      <div className="index-hero">
        <h1>Recipes</h1>
        <p className="lead">
          Step-by-step walkthroughs of the Kaltura API. Each step runs live against the built-in sandbox or your own endpoint, and shows the
          code to do the same in your language.
        </p>
      </div>
      <RecipeSearch items={items} />
    </main>
  );
}
