import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center p-6 text-center">
      <div className="max-w-md space-y-2">
        <h1 className="text-xl font-semibold">You can&apos;t open this page</h1>
        <p className="text-muted-foreground">Your role in this workspace does not include it. Ask an admin if you need access.</p>
        <Link href="/" className="text-sm underline underline-offset-4">
          Back to the dashboard
        </Link>
      </div>
    </main>
  );
}
