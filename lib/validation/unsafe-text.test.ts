import { describe, expect, it } from 'vitest';
import { findUnsafeText, isUnsafeText } from './unsafe-text';

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
});
