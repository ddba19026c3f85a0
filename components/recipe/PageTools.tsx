/**
 * EXTENSION POINT for page-level tools of a recipe page (the connection panel of the step runner:
 * sandbox or Kaltura endpoint, who is connected, KS expiry). Rendered once in the recipe header.
 * Today a placeholder that says where calls will go; the runner replaces the body (and may add
 * 'use client'); props are JSON-serialisable.
 */
export interface PageToolsProps {
  slug: string;
  stepCount: number;
}

export function PageTools(_props: PageToolsProps) {
  return (
    <div className="page-tools" data-testid="page-tools">
      <span className="connection-pill">
        <span className="dot" aria-hidden="true" /> Sandbox
      </span>
    </div>
  );
}

export default PageTools;
