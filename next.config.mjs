/** @type {import('next').NextConfig} */
const nextConfig = {
  // Tests and benchmarks build into their own folder so that parallel builds never share one.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // Native and server-only packages stay out of the bundle.
  serverExternalPackages: ['better-sqlite3', 'busboy'],
  // Types are checked by `npm run typecheck` (part of `npm test`), not by every build: builds stay
  // fast, and Next does not rewrite tsconfig.json for each test dist folder.
  typescript: { ignoreBuildErrors: true },
  experimental: { strictRouteTypes: true },
  skipTrailingSlashRedirect: true,
  async redirects() {
    return [{ source: '/:path((?!api_v3(?:/|$)).+)/', destination: '/:path', permanent: true }];
  },
};

export default nextConfig;
