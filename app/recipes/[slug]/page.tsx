import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { relative } from 'node:path';
import { listShippedRecipeFiles, loadRecipe, resolveRelated } from '@/lib/server/recipes';
import { RecipePage } from '@/components/recipe/RecipePage';

interface Props {
  params: Promise<{ slug: string }>;
}

/** Every recipe in `recipes/` is generated at build time. */
export function generateStaticParams(): Array<{ slug: string }> {
  return listShippedRecipeFiles().map((f) => ({ slug: f.slug }));
}

/** Other slugs (a file added to recipes/ after the build) are looked up on demand; unknown -> 404. */
export const dynamicParams = true;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const loaded = loadRecipe(slug);
  if (!loaded) return { title: 'Recipe not found' };
  return { title: loaded.recipe.title || slug, description: loaded.recipe.metadata.summary };
}

export default async function RecipeRoute({ params }: Props) {
  const { slug } = await params;
  const loaded = loadRecipe(slug);
  if (!loaded) notFound();
  return (
    <main id="main" className="page page-recipe" tabIndex={-1}>
      <RecipePage
        slug={slug}
        recipe={loaded.recipe}
        file={relative(process.cwd(), loaded.path)}
        related={resolveRelated(loaded.recipe.metadata.relatedRecipes, slug)}
      />
    </main>
  );
}
