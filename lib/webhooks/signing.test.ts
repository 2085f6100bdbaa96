import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, signWebhook } from './signing';

describe('signWebhook', () => {
  it('matches the specification computed by hand', () => {
    // The specification's example secret and message.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    const at = new Date(1614265330 * 1000);
    const headers = signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', body, at);
    expect(headers['webhook-timestamp']).toBe('1614265330');
    const expected = crypto
      .createHmac('sha256', Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64'))
      .update(`msg_p5jXN8AQM9LWM0D4loKWxJek.1614265330.${body}`)
      .digest('base64');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
    expect(headers['webhook-signature']).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('is verified by the reference library with a generated secret', () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const body = JSON.stringify({ type: 'defect.created', data: { id: 1 } });
    const headers = signWebhook(secret, 'evt_1', body);
    expect(new Webhook(secret).verify(body, headers)).toEqual({ type: 'defect.created', data: { id: 1 } });
  });
});
