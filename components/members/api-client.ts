/** Calls our JSON API from the browser and turns a problem+json answer into a readable error. */
export async function callApi<T = unknown>(url: string, init: { method: string; body?: unknown }): Promise<T> {
  const response = await fetch(url, {
    method: init.method,
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (response.status === 204) return undefined as T;
  const payload = (await response.json().catch(() => ({}))) as { detail?: string; title?: string };
  if (!response.ok) throw new Error(payload.detail ?? payload.title ?? `Request failed (${response.status}).`);
  return payload as T;
}
