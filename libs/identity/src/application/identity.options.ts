export interface IdentityOptions {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  invitationTtlDays: number;
  /** Failed logins in a row before the account locks. */
  maxFailedLogins: number;
  lockMinutes: number;
  /** Login attempts per email and per client address in one minute. */
  loginAttemptsPerMinute: number;
  /** bcrypt cost; tests lower it. */
  passwordHashRounds: number;
}
