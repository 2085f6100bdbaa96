import { describe, expect, it } from 'vitest';
import { deviceCookieFromHeader, deviceCookieValue, isKnownDevice } from './device-cookie';

describe('device cookie', () => {
  it('vouches for the email it was issued for only, and cannot be forged', () => {
    const value = deviceCookieValue('Ann@Example.test');
    expect(isKnownDevice(value, 'ann@example.test')).toBe(true);
    expect(isKnownDevice(value, 'bob@example.test')).toBe(false);
    expect(isKnownDevice(`${value.split('.')[0]}.forged`, 'ann@example.test')).toBe(false);
    expect(isKnownDevice('', 'ann@example.test')).toBe(false);
    expect(isKnownDevice(undefined, 'ann@example.test')).toBe(false);
    expect(deviceCookieFromHeader(`a=1; outsidein-device=${value}; b=2`)).toBe(value);
  });
});
