/** The `error` next-auth reports when the password was right but the account's second factor is missing. */
export const TOTP_REQUIRED_ERROR = "TotpRequired";
