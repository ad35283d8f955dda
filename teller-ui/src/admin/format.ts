/**
 * A date and time in the branch's own zone (`2026/11/23 09:05`), whatever the zone of the screen; a zone
 * the browser does not know falls back to the screen's own.
 */
export function branchDateTime(iso: string, timeZone: string | undefined, time: 'short' | 'medium' = 'short'): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'short', timeStyle: time, hourCycle: 'h23' };
  try {
    return new Date(iso).toLocaleString('zh-CN', { ...options, timeZone });
  } catch {
    return new Date(iso).toLocaleString('zh-CN', options);
  }
}
