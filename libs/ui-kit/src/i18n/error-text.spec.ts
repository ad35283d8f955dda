import { ERROR_CODES } from '@lobbyflow/contracts';
import { ERROR_TEXT, errorText } from './error-text';

describe('the words for refusal codes', () => {
  it('has Chinese and English words for every code the server sends, and for the client-made ones', () => {
    for (const code of [...ERROR_CODES, 'NETWORK', 'TIMEOUT']) {
      const words = errorText(code);
      expect({ code, zh: /[\u4e00-\u9fff]/.test(words?.zh ?? '') }).toEqual({ code, zh: true });
      expect({ code, en: /^[A-Z][^\u4e00-\u9fff]+$/.test(words?.en ?? '') }).toEqual({ code, en: true });
    }
    expect(Object.keys(ERROR_TEXT)).toHaveLength(ERROR_CODES.length + 2);
  });

  it('knows nothing of a code a newer server might send, nor of object keys', () => {
    expect(errorText('SOMETHING_NEW')).toBeNull();
    expect(errorText('toString')).toBeNull();
    expect(errorText(null)).toBeNull();
    expect(errorText(undefined)).toBeNull();
  });
});
