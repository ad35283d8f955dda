import type { AmountBand } from '@lobbyflow/contracts';
import { getLocale } from '@lobbyflow/ui-kit';
import { t } from './messages';

/** 20000 → "2万元" / "20,000 CNY". */
export function money(amount: number): string {
  if (getLocale() === 'zh') {
    return amount % 10000 === 0 ? `${amount / 10000}万元` : `${amount.toLocaleString('zh-CN')}元`;
  }
  return `${amount.toLocaleString('en-US')} CNY`;
}

/** A wait or a service time for people: "45秒", "12分钟" / "45 s", "12 min". */
export function duration(seconds: number): string {
  if (seconds < 60) return t('seconds', { seconds });
  return t('minutes', { minutes: Math.floor(seconds / 60) });
}

/** An estimated wait: "约 6 分钟" / "about 6 min", or "不到 1 分钟" when a counter is about to call. */
export function estimate(minutes: number): string {
  return minutes < 1 ? t('underAMinute') : t('aboutMinutes', { minutes });
}

/** A running timer: "04:07", or "1:04:07" past an hour. */
export function timer(seconds: number): string {
  const two = (value: number) => String(value).padStart(2, '0');
  const hours = Math.floor(seconds / 3600);
  const rest = `${two(Math.floor((seconds % 3600) / 60))}:${two(seconds % 60)}`;
  return hours > 0 ? `${hours}:${rest}` : rest;
}

/** The kiosk's amount band an amount falls in (the branch's own thresholds cut the bands). */
export function amountBandOf(amount: number, bands: readonly AmountBand[]): AmountBand | null {
  return (
    bands.find((band) => (band.above === null || amount > band.above) && (band.upTo === null || amount <= band.upTo)) ??
    null
  );
}

/** "2万元 – 5万元", "5万元 以上" / "20,000 CNY – 50,000 CNY". */
export function bandLabel(band: AmountBand): string {
  if (band.above === null) return t('bandUpTo', { upTo: money(band.upTo as number) });
  if (band.upTo === null) return t('bandAbove', { above: money(band.above) });
  return t('bandBetween', { above: money(band.above), upTo: money(band.upTo) });
}

/** The branch's local time, hh:mm (a zone the browser does not know falls back to the screen's own). */
export function clockTime(epochMs: number, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
  try {
    return new Date(epochMs).toLocaleTimeString('zh-CN', { ...options, timeZone });
  } catch {
    return new Date(epochMs).toLocaleTimeString('zh-CN', options);
  }
}
