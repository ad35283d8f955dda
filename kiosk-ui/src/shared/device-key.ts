const STORAGE_KEY = 'lobbyflow.deviceKey';

/**
 * The device key of this kiosk or display. It is handed over once in the URL fragment
 * (`/display#key=lfd_...`, never sent to the server in a request line or a log), kept in the device's
 * local storage, and removed from the address bar.
 */
export function deviceKey(): string | null {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('key');
  if (fromHash) {
    localStorage.setItem(STORAGE_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return localStorage.getItem(STORAGE_KEY);
}
