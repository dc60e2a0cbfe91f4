/** The `error` next-auth reports when the password was right but the account's second factor is missing. */
export const TOTP_REQUIRED_ERROR = "TotpRequired";

/** Google sign-in refused for an account with a second factor (Google cannot pass the code on). */
export const GOOGLE_TOTP_ERROR = "TotpUsePassword";
