import { englishMessage } from '@/lib/i18n/english';
import { describe, expect, it } from 'vitest';
import { isPublicAddress, webhookUrlProblem } from './address-policy';

describe('isPublicAddress', () => {
  it('accepts public unicast addresses', () => {
    for (const address of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111'])
      expect(isPublicAddress(address)).toBe(true);
  });
  it('refuses loopback, link-local, private and other special ranges', () => {
    for (const address of [
      '127.0.0.1',
      '127.8.9.10',
      '::1',
      '169.254.169.254',
      'fe80::1',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      'fd00::1',
      '100.64.0.1',
      '0.0.0.0',
      '::',
      '224.0.0.1',
      '::ffff:127.0.0.1',
      '::ffff:10.0.0.1',
      'not-an-ip',
    ])
      expect(isPublicAddress(address), address).toBe(false);
  });
});

describe('webhookUrlProblem', () => {
  it('accepts http and https URLs', () => {
    expect(webhookUrlProblem('https://hooks.example.com/in')).toBeNull();
    expect(webhookUrlProblem('http://hooks.example.com:8080/in')).toBeNull();
  });
  it('refuses other schemes, credentials and non-URLs', () => {
    expect(englishMessage(webhookUrlProblem('ftp://example.com')!)).toMatch(/http/);
    expect(englishMessage(webhookUrlProblem('https://user:pw@example.com')!)).toMatch(/password/);
    expect(englishMessage(webhookUrlProblem('example.com/hook')!)).toMatch(/full URL/);
  });
});
