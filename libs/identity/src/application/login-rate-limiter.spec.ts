import { LoginRateLimiter } from './login-rate-limiter';

describe('LoginRateLimiter', () => {
  it('allows `limit` attempts per window and then refuses until the window slides', () => {
    const limiter = new LoginRateLimiter(3, 1000);
    expect([0, 10, 20].map((t) => limiter.tryAcquire('a', t))).toEqual([true, true, true]);
    expect(limiter.tryAcquire('a', 30)).toBe(false);
    expect(limiter.tryAcquire('b', 30)).toBe(true);
    expect(limiter.tryAcquire('a', 1001)).toBe(true);
  });
});
