import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export interface GeneratedServiceAccount {
  email: string;
  /** The key file's JSON text, in Google's format. */
  json: string;
  publicKeyPem: string;
}

/** A fresh RSA key pair wrapped as a Google service-account key; the fake token endpoint gets the public half. */
export function generateServiceAccount(email = "reach-sheets@reach-fixtures.iam.gserviceaccount.com"): GeneratedServiceAccount {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const json = JSON.stringify(
    {
      type: "service_account",
      project_id: email.split("@")[1]?.split(".")[0] ?? "reach-fixtures",
      private_key_id: randomBytes(20).toString("hex"),
      private_key: privateKey,
      client_email: email,
      client_id: String(100_000_000_000_000_000_000n + BigInt(randomBytes(4).readUInt32BE())),
      auth_uri: "https://accounts.google.com/o/oauth2/auth",
      token_uri: "https://oauth2.googleapis.com/token",
    },
    null,
    2,
  );
  return { email, json, publicKeyPem: publicKey };
}

/** Writes the key file with owner-only permissions, as a downloaded key should be kept. */
export async function writeServiceAccountKeyFile(file: string, account: GeneratedServiceAccount): Promise<string> {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, account.json, { mode: 0o600 });
  return file;
}
