/**
 * /author: write or edit a recipe in the browser (server part: which recipe to open, the list for
 * the picker, whether saving into recipes/ is allowed). The editor itself loads client-side only.
 */
import type { Metadata } from 'next';
import { listRecipes, loadRecipe } from '@/lib/server/recipes';
import { RECIPE_TEMPLATE, TEMPLATE_SLUG } from '@/lib/author/template';
import { AuthorApp } from './AuthorApp';
import { savingAllowed } from '@/app/api/recipes/save';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Write a recipe',
  description: 'Write a recipe with live diagnostics, completion and a live preview of the step runner.',
};

export default async function AuthorPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const requested = typeof params.recipe === 'string' ? params.recipe : undefined;
  const loaded = requested ? loadRecipe(requested) : undefined;
  const recipes = listRecipes({ includeExtra: true }).map((r) => ({ slug: r.slug, title: r.title }));
  const canSave = savingAllowed();
  return (
    <main id="main" className="page page-author">
      <h1 className="visually-hidden">Write a recipe</h1>
      {requested && !loaded && (
        <p className="author-notice" role="alert">
          There is no recipe “{requested}” in recipes/: starting from the template instead.
        </p>
      )}
      <AuthorApp
        key={loaded?.slug ?? ''}
        initialSource={loaded?.source ?? RECIPE_TEMPLATE}
        slug={loaded?.slug ?? TEMPLATE_SLUG}
        fromFile={!!loaded}
        recipes={recipes}
        canSave={canSave}
        descriptionUrl={process.env.RECIPES_API ? '/api/description' : undefined}
      />
    </main>
  );
}
