'use client';
/**
 * Page-level tools of a recipe page, rendered once in the recipe header: the step runner's
 * connection panel (sandbox or Kaltura endpoint, who is connected, KS expiry, log in again,
 * another OpenAPI document).
 */
import { ConnectionPanel } from '@/components/connection/ConnectionPanel';

export interface PageToolsProps {
  slug: string;
  stepCount: number;
}

export function PageTools(_props: PageToolsProps) {
  return (
    <div className="page-tools" data-testid="page-tools">
      <ConnectionPanel />
    </div>
  );
}

export default PageTools;
