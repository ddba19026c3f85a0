/** The top bar of every page: skip link, brand (link to the index) and site navigation. */
import Link from 'next/link';

export function SiteHeader() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link href="/" className="brand">
            <svg
              width="22"
              height="22"
              viewBox="0 0 24 24"
              aria-hidden="true"
              focusable="false"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
              strokeLinecap="round"
              strokeLinejoin="round"
            >
              <path d="M4 17l6-6-6-6" />
              <path d="M12 19h8" />
            </svg>
            <span>Recipe Console</span>
          </Link>
          <nav aria-label="Site" className="site-nav">
            <Link href="/">Recipes</Link>
            {/* A plain link: no prefetch, so recipe pages never fetch the editor's chunks. */}
            <a href="/author">Write a recipe</a>
          </nav>
        </div>
      </header>
    </>
  );
}
