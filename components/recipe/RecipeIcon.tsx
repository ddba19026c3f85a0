/**
 * Small inline SVG icons for a recipe's METADATA `icon` (`upload`, `video`, ...). Unknown or
 * missing names get the default (a document). Decorative: hidden from assistive technology.
 */
import type { ReactNode } from 'react';

const PATHS: Record<string, ReactNode> = {
  upload: (
    <>
      <path d="M12 16V4" />
      <path d="M7 9l5-5 5 5" />
      <path d="M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
    </>
  ),
  video: (
    <>
      <rect x="3" y="6" width="13" height="12" rx="2" />
      <path d="M16 10l5-3v10l-5-3z" />
    </>
  ),
  image: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <circle cx="9" cy="10" r="2" />
      <path d="M21 16l-5-5-9 9" />
    </>
  ),
  audio: (
    <>
      <path d="M9 18V5l11-2v13" />
      <circle cx="6" cy="18" r="3" />
      <circle cx="17" cy="16" r="3" />
    </>
  ),
  key: (
    <>
      <circle cx="8" cy="15" r="4" />
      <path d="M11 12l9-9" />
      <path d="M17 6l3 3" />
    </>
  ),
  list: (
    <>
      <path d="M9 6h11M9 12h11M9 18h11" />
      <path d="M4 6h.01M4 12h.01M4 18h.01" />
    </>
  ),
  search: (
    <>
      <circle cx="11" cy="11" r="7" />
      <path d="M20 20l-4-4" />
    </>
  ),
  edit: (
    <>
      <path d="M4 20h4L19 9l-4-4L4 16z" />
      <path d="M13 7l4 4" />
    </>
  ),
  trash: (
    <>
      <path d="M4 7h16" />
      <path d="M9 7V4h6v3" />
      <path d="M6 7l1 13h10l1-13" />
    </>
  ),
  code: (
    <>
      <path d="M8 8l-4 4 4 4" />
      <path d="M16 8l4 4-4 4" />
      <path d="M14 5l-4 14" />
    </>
  ),
  layers: (
    <>
      <path d="M12 3l9 5-9 5-9-5z" />
      <path d="M3 13l9 5 9-5" />
    </>
  ),
  user: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 21c0-4 4-6 8-6s8 2 8 6" />
    </>
  ),
  document: (
    <>
      <path d="M6 3h9l5 5v13H6z" />
      <path d="M14 3v6h6" />
      <path d="M9 13h8M9 17h8" />
    </>
  ),
};

const ALIASES: Record<string, string> = {
  media: 'video',
  movie: 'video',
  play: 'video',
  photo: 'image',
  thumbnail: 'image',
  music: 'audio',
  session: 'key',
  lock: 'key',
  ks: 'key',
  filter: 'search',
  pencil: 'edit',
  update: 'edit',
  delete: 'trash',
  multirequest: 'layers',
  stack: 'layers',
  users: 'user',
};

export function iconName(name: string | undefined): string {
  const n = (name || '').trim().toLowerCase();
  if (PATHS[n]) return n;
  if (ALIASES[n]) return ALIASES[n];
  return 'document';
}

export function RecipeIcon({
  name,
  size = 24,
  className = 'recipe-icon',
}: {
  name?: string | undefined;
  size?: number;
  className?: string;
}) {
  const resolved = iconName(name);
  return (
    <svg
      className={className}
      data-icon={resolved}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {PATHS[resolved]}
    </svg>
  );
}
