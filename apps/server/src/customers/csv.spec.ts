import { parseCsv } from './csv';

describe('parseCsv', () => {
  it('reads plain rows with LF or CRLF and skips blank lines', () => {
    expect(parseCsv('a,b\r\n1,2\n\n3,4\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('reads quoted fields with commas, quotes and line breaks, and a byte-order mark', () => {
    expect(parseCsv('\ufeffname,note\n"王, 女士","say ""hi""\nthere"')).toEqual([
      ['name', 'note'],
      ['王, 女士', 'say "hi"\nthere'],
    ]);
  });

  it('keeps empty fields', () => {
    expect(parseCsv('a,,c\n,,')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });

  it('refuses a file that ends inside a quote', () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow('ends inside a quoted field');
  });
});
