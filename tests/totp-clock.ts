import { generate } from "otplib";
import { vi } from "vitest";

/**
 * 10 s into a 30-second TOTP step; tests move the faked clock from here, never sleep. It sits at the
 * start of the run rather than a fixed date: PGlite's timers mix the faked Date with a real clock.
 */
export const BASE_EPOCH = Math.floor(Date.now() / 30_000) * 30 + 10;

/** Fakes only Date (database drivers keep their real timers) and sets it to `epoch` seconds. */
export function setClock(epoch: number): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(epoch * 1000);
}

/** The code an authenticator app shows for `secret` at `epoch` seconds, computed by otplib. */
export const codeAt = (secret: string, epoch: number): Promise<string> => generate({ secret, epoch });

/** A 6-digit code that matches no step within ±1 of `epoch`. */
export async function wrongCodeAt(secret: string, epoch: number): Promise<string> {
  const near = new Set(await Promise.all([-30, 0, 30].map((offset) => codeAt(secret, epoch + offset))));
  let candidate = Number(await codeAt(secret, epoch));
  do candidate = (candidate + 1) % 1_000_000;
  while (near.has(String(candidate).padStart(6, "0")));
  return String(candidate).padStart(6, "0");
}
