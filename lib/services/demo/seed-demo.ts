import type { Connection } from "@/lib/db/client";
export async function seedDemoIfEmpty(_c: Connection, _o: { storageRoot: string }) {}
