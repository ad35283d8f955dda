const UTC_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** The branch-local hour (0-23) of an instant, in an IANA zone or a fixed offset like `+08:00`. */
export function localHour(epochMs: number, timeZone: string): number {
  const offset = UTC_OFFSET.exec(timeZone);
  if (offset) {
    const minutes = (Number(offset[2]) * 60 + Number(offset[3])) * (offset[1] === '-' ? -1 : 1);
    return new Date(epochMs + minutes * 60_000).getUTCHours();
  }
  const hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(epochMs);
  return Number(hour);
}
