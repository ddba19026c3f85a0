/**
 * A URL path that decodes: each segment whose percent-encoding is broken (`%E0%A4%A`, a lone `%`)
 * is kept as literal text by escaping its `%` signs; segments that decode are left as they are.
 */
export function decodablePath(path: string): string {
  if (!path.includes('%')) return path;
  return path
    .split('/')
    .map((segment) => {
      try {
        decodeURIComponent(segment);
        return segment;
      } catch {
        return segment.replaceAll('%', '%25');
      }
    })
    .join('/');
}
