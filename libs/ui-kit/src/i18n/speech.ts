import type { LocalizedText } from '@lobbyflow/contracts';

/**
 * How a ticket number is read aloud: letter and digits one by one, so that A023 is "A 零 二 三" and
 * "A zero two three" — never "A twenty-three" or "O-O-one".
 */
const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

export function spellNumber(number: string, locale: 'zh' | 'en'): string {
  const digits = locale === 'zh' ? ZH_DIGITS : EN_DIGITS;
  return [...number].map((char) => (/\d/.test(char) ? digits[Number(char)] : char.toUpperCase())).join(' ');
}

/**
 * The call announcement for a ticket and a counter, in one language. A numbered window is read as a
 * number ("三号窗口", "counter three"); any other place by its name ("理财室1", "Wealth room 1").
 */
export function callAnnouncement(
  number: string,
  counter: { code: string; name: LocalizedText },
  locale: 'zh' | 'en',
): string {
  const spelled = spellNumber(number, locale);
  const numbered = /^\d+$/.test(counter.code);
  if (locale === 'zh') {
    return `请 ${spelled} 号 到 ${numbered ? `${spellNumber(counter.code, 'zh')} 号窗口` : counter.name.zh}`;
  }
  return `Ticket ${spelled}, please go to ${numbered ? `counter ${spellNumber(counter.code, 'en')}` : counter.name.en}`;
}
