import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-[60vh] items-center justify-center p-6 text-center">
      <div className="max-w-md space-y-2">
        <h1 className="text-xl font-semibold">Not found</h1>
        <p className="text-muted-foreground">This page does not exist, or it belongs to a workspace you are not a member of.</p>
        <Link href="/" className="text-sm underline underline-offset-4">
          Back to the dashboard
        </Link>
      </div>
    </main>
  );
}
