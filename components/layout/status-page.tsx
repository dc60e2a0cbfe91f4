import Link from "next/link";

/** The body of a 404 or 403 page; inside a workspace it renders within the app shell. */
export function StatusPage({ title, message, href = "/" }: { title: string; message: string; href?: string }) {
  return (
    <main className="flex min-h-[60vh] items-center justify-center p-6 text-center">
      <div className="max-w-md space-y-2">
        <h1 className="text-xl font-semibold">{title}</h1>
        <p className="text-muted-foreground">{message}</p>
        <Link href={href} className="text-sm underline underline-offset-4">
          Back to the dashboard
        </Link>
      </div>
    </main>
  );
}
