/** Opening the connection panel from elsewhere on the page (it listens for this event). */
export const OPEN_EVENT = 'connection-panel:open';

/** Opens the connection panel and focuses its first field (e.g. from a "log in again" prompt). */
export function openConnectionPanel(): void {
  document.getElementById('connection-panel')?.dispatchEvent(new Event(OPEN_EVENT));
}
