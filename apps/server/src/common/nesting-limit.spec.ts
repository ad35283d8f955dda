import { nestingDepth } from './nesting-limit';

describe('nestingDepth', () => {
  it('counts objects and arrays, not scalars', () => {
    expect(nestingDepth('text', 16)).toBe(0);
    expect(nestingDepth({ a: 1 }, 16)).toBe(1);
    expect(nestingDepth({ a: [{ b: null }] }, 16)).toBe(3);
  });

  it('stops counting past the limit without recursing through a hostile body', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) deep = { a: deep };
    expect(nestingDepth(deep, 16)).toBe(17);
  });
});
