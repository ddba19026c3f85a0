'use client';
/**
 * Client entry of /author: the workbench (Monaco editor, preview) is imported dynamically and never
 * rendered on the server, so Monaco and its workers load only on this page.
 */
import dynamic from 'next/dynamic';
import type { WorkbenchProps } from '@/components/author/Workbench';
import '@/components/author/author.css';

const Workbench = dynamic(() => import('@/components/author/Workbench'), {
  ssr: false,
  loading: () => <p className="author-loading">Loading the editor…</p>,
});

export function AuthorApp(props: WorkbenchProps) {
  return <Workbench {...props} />;
}
