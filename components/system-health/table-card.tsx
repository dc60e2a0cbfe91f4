import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export interface TableCardColumn {
  label: string;
  numeric?: boolean;
}

/** A titled card holding one table, or the `empty` sentence when there is nothing to list. */
export function TableCard({ title, description, columns, empty, children }: { title: string; description: ReactNode; columns: TableCardColumn[]; empty: string | null; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        {empty !== null ? (
          <p className="text-sm text-muted-foreground">{empty}</p>
        ) : (
          <Table stack>
            <TableHeader>
              <TableRow>
                {columns.map((column) => (
                  <TableHead key={column.label} className={column.numeric ? "text-right" : undefined}>
                    {column.label}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>{children}</TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}

export function NumberCell({ children }: { children: ReactNode }) {
  return <TableCell className="text-right tabular-nums">{children}</TableCell>;
}
