import { describe, expect, it } from 'vitest';
import { findUnsafeText, isUnsafeText, jsonMayHoldUnsafeText } from './unsafe-text';

describe('unsafe text', () => {
  it('finds NUL bytes and lone surrogates, and passes real text, emoji included', () => {
    expect(isUnsafeText('plain')).toBe(false);
    expect(isUnsafeText('thumbs 👍 up')).toBe(false);
    expect(isUnsafeText('a\u0000b')).toBe(true);
    expect(isUnsafeText('lone \uD83D high')).toBe(true);
    expect(isUnsafeText('lone \uDC4D low')).toBe(true);
    expect(isUnsafeText('end \uD83D')).toBe(true);
  });

  it('names the fields that hold it, in objects, arrays and form data', () => {
    expect(findUnsafeText({ name: 'Ann', notes: 'x\u0000' })).toEqual(['notes']);
    expect(findUnsafeText([{ notes: 'ok' }, { notes: '\uD800' }])).toEqual(['1/notes']);
    const form = new FormData();
    form.set('name', 'Ann\u0000');
    form.set('email', 'ann@example.test');
    expect(findUnsafeText(form)).toEqual(['name']);
  });

  it('lets JSON without escapes or surrogates skip the walk, and sends any that may hold unsafe text to it', () => {
    const skips = (value: unknown) => !jsonMayHoldUnsafeText(JSON.stringify(value));
    expect(skips([{ notes: 'plain', 'café ✓': 1 }])).toBe(true);
    // JSON.stringify escapes NUL and lone surrogates; a client may escape anything.
    for (const value of [{ notes: 'x\u0000' }, { notes: '\uD800' }, { ['k\uDC00']: 1 }]) {
      expect(skips(value)).toBe(false);
      expect(findUnsafeText(value)).not.toEqual([]);
    }
    expect(jsonMayHoldUnsafeText('{"notes":"\\u0041"}')).toBe(true);
    expect(jsonMayHoldUnsafeText('{"notes":"thumbs 👍"}')).toBe(true);
  });
});
