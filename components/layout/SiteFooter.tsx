/** The page footer. */
export function SiteFooter() {
  return (
    <footer className="site-footer">
      <p>Recipe Console: interactive walkthroughs of the Kaltura API. Calls go from your browser straight to the endpoint you choose.</p>
    </footer>
  );
}
