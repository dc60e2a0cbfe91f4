import { logger } from "./logger";

const isClientGone = (value: unknown) => value instanceof Error && value.name === "ClientGoneError";

/**
 * Next reports every error a page render throws with console.error. A render stopped because its
 * client disconnected (ClientGoneError, thrown by runAsUser) failed nobody, so it goes to the debug
 * log instead. Returns the undo.
 */
export function quietClientGoneErrors(): () => void {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (args.some(isClientGone)) logger.debug("a render stopped: its client has gone away");
    else original.apply(console, args);
  };
  return () => {
    console.error = original;
  };
}
