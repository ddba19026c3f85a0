import Link from 'next/link';

export const metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <main id="main" className="page page-narrow" tabIndex={-1}>
      <h1>Page not found</h1>
      <p>
        There is no recipe or page at this address. Recipe addresses are <code>/recipes/&lt;name&gt;</code>, where the name is the recipe
        file&apos;s name in <code>recipes/</code> without <code>.md</code>.
      </p>
      <p>
        <Link href="/">See all recipes</Link>
      </p>
    </main>
  );
}
