/** Every rate limit in one place: points per window, and the key namespace each one counts under. */
export const RATE_LIMITS = {
  /**
   * Per IP, per email from one IP, and per email from everywhere: a guesser must beat all three.
   * The email-wide bar is high, so one address's wrong tries cannot lock the owner out from another.
   */
  signInIp: { keyPrefix: "sign-in:ip", points: 10, durationSeconds: 15 * 60 },
  signInEmailIp: { keyPrefix: "sign-in:email-ip", points: 10, durationSeconds: 15 * 60 },
  signInEmail: { keyPrefix: "sign-in:email", points: 100, durationSeconds: 15 * 60 },
  /** Password reset requests: per email (one mailbox is not flooded) and per IP. */
  resetEmail: { keyPrefix: "reset:email", points: 3, durationSeconds: 60 * 60 },
  resetIp: { keyPrefix: "reset:ip", points: 20, durationSeconds: 60 * 60 },
  /** Attempts to use a reset link (a token is unguessable; this bounds hammering anyway). */
  resetUse: { keyPrefix: "reset:use", points: 20, durationSeconds: 15 * 60 },
  /** Codes or passwords tried on the user's own two-factor settings (confirm, turn off). */
  twoFactorUser: { keyPrefix: "two-factor:user", points: 10, durationSeconds: 15 * 60 },
  /** Mutating API calls per signed-in user. */
  api: { keyPrefix: "api:user", points: 120, durationSeconds: 60 },
  /** Every call made with an API token, reads included (API_TOKEN_RATE_LIMIT overrides the points). */
  apiToken: { keyPrefix: "api:token", points: 300, durationSeconds: 60 },
} as const;

export type RateLimitName = keyof typeof RATE_LIMITS;
