/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the offline service worker (vite.config.ts, README "Offline") when imported
 * (src/main.tsx), in builds only. In `vite dev` it does nothing: no worker is built there, and a
 * cached app would hide edits.
 *
 * Never throws. Where service workers cannot run, the app runs as before, from the network:
 * a browser without them, a non-secure origin (http other than localhost), and a frame sandboxed
 * without allow-same-origin, whose opaque origin makes even reading `navigator.serviceWorker`
 * throw a SecurityError.
 */
export function serviceWorkersAvailable(): boolean {
  try {
    return typeof navigator !== 'undefined' && !!navigator.serviceWorker && isSecureContext;
  } catch {
    return false;
  }
}

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !serviceWorkersAvailable()) return;
  // workbox-window's registration waits for the page's load event, so the worker's downloads
  // (the precache, 23 MB on a first visit) do not compete with the page's own start.
  import('virtual:pwa-register')
    .then(({ registerSW }) =>
      registerSW({
        // Offline, the registration's update check fails: expected, and the cached app runs on.
        // A new version installs in the background and waits until every tab of the app is
        // closed (no prompt, no reload under a running training): the next visit opens it.
        onRegisterError: () => {},
      }),
    )
    .catch(() => {
      // The registration module could not load (offline before any worker was installed):
      // the page runs without one.
    });
}

registerServiceWorker();
