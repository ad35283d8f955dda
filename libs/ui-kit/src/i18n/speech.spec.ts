import { callAnnouncement, spellNumber } from './speech';

describe('reading ticket numbers aloud', () => {
  it('reads every digit on its own: never "twenty-three" or "O-O-one"', () => {
    expect(spellNumber('A023', 'zh')).toBe('A 零 二 三');
    expect(spellNumber('A023', 'en')).toBe('A zero two three');
    expect(spellNumber('b1000', 'en')).toBe('B one zero zero zero');
  });

  it('announces the call in Mandarin and in English, counters read the same way', () => {
    const window3 = { code: '3', name: { zh: '3号窗口', en: 'Counter 3' } };
    expect(callAnnouncement('A023', window3, 'zh')).toBe('请 A 零 二 三 号 到 三 号窗口');
    expect(callAnnouncement('A023', window3, 'en')).toBe('Ticket A zero two three, please go to counter three');
  });

  it('names a place that is not a numbered window', () => {
    const room = { code: 'R1', name: { zh: '理财室1', en: 'Wealth room 1' } };
    expect(callAnnouncement('W001', room, 'zh')).toBe('请 W 零 零 一 号 到 理财室1');
    expect(callAnnouncement('W001', room, 'en')).toBe('Ticket W zero zero one, please go to Wealth room 1');
  });
});
