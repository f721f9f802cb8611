/**
 * The window's security settings, kept free of Electron imports so that a
 * test can prove each one.
 */

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const secureWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: true,
} as const;

/** Sites the app may open in the user's browser: guidance it links to, nothing else. */
export const externalAllowList: readonly string[] = [
  'https://www.housing-ombudsman.org.uk',
  'https://www.gov.uk',
];

/**
 * The origin a URL belongs to. Node gives non-web schemes no origin ("null"),
 * so the app's own scheme is told apart by its host: `app://involvement-desk`
 * is the app, `app://elsewhere` is not. Every file:// URL shares one origin.
 */
function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.origin !== 'null') return parsed.origin;
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

/** Compares parsed origins, never prefixes: `http://localhost.evil.com` is not `http://localhost`. */
export function isSameOrigin(url: string, appUrl: string): boolean {
  const a = originOf(url);
  return a !== null && a === originOf(appUrl);
}

/** Only the app's own page may call the API: not an iframe, not a page it navigated to. */
export function isAppFrame(frameUrl: string, appUrl: string, isMainFrame: boolean): boolean {
  if (!isMainFrame) return false;
  if (appUrl.startsWith('file:')) {
    try {
      return new URL(frameUrl).pathname === new URL(appUrl).pathname;
    } catch {
      return false;
    }
  }
  return isSameOrigin(frameUrl, appUrl);
}

/** The window never navigates away from the app; route changes are in-page (hash) only. */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  return isAppFrame(url, appUrl, true);
}

export function isAllowedExternal(url: string): boolean {
  const origin = originOf(url);
  return origin !== null && url.startsWith('https://') && externalAllowList.includes(origin);
}

/**
 * Permissions the page may be granted, by name (Electron's names: "media",
 * "notifications", "clipboard-read" and so on). None: the app records
 * meetings and cases, and needs no camera, microphone, location,
 * notifications, clipboard reading, MIDI, USB, serial or HID device, nor
 * full screen. Keyboard copy and paste need no permission.
 */
export const grantedPermissions: readonly string[] = [];

/** Whether a request (or a check) for a permission from this origin is granted. */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  appUrl: string,
): boolean {
  return (
    grantedPermissions.includes(permission) &&
    requestingUrl !== undefined &&
    isSameOrigin(requestingUrl, appUrl)
  );
}
