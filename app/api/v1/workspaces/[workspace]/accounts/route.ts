import { NextResponse, type NextRequest } from "next/server";
import { requireApiClaims } from "@/lib/auth/session";
import { withUserDb } from "@/lib/db/rls";
import { toProblem } from "@/lib/http/problem";
import { listAccounts, listAccountsQuerySchema } from "@/lib/services/accounts/list-accounts";
import { getWorkspace } from "@/lib/services/workspaces/get-workspace";

/** GET /api/v1/workspaces/:workspace/accounts — the Accounts page's data as JSON. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ workspace: string }> }) {
  try {
    const claims = await requireApiClaims();
    const { workspace: slug } = await params;
    const query = listAccountsQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const page = await withUserDb(claims, async (tx) => listAccounts(tx, (await getWorkspace(tx, slug)).id, query));
    return NextResponse.json({ data: page.rows, total: page.total, page: query.page, pageSize: query.pageSize });
  } catch (error) {
    return toProblem(error);
  }
}
