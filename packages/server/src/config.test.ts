import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('configuration', () => {
  it('reads the notification channel at start, and refuses sms without a gateway address', () => {
    expect(loadConfig({}).notify).toEqual({ channel: 'log', smsUrl: undefined, smsToken: undefined });
    expect(
      loadConfig({ ANSINH_NOTIFY_CHANNEL: 'sms', ANSINH_SMS_URL: 'https://sms.example.vn/send', ANSINH_SMS_TOKEN: 't' })
        .notify.channel,
    ).toBe('sms');
    expect(() => loadConfig({ ANSINH_NOTIFY_CHANNEL: 'sms' })).toThrow(/ANSINH_SMS_URL/);
    expect(() => loadConfig({ ANSINH_NOTIFY_CHANNEL: 'email' })).toThrow(/ANSINH_NOTIFY_CHANNEL/);
  });
});
