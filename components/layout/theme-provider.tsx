"use client";

import { ThemeProvider as NextThemesProvider } from "next-themes";
import type * as React from "react";

type ThemeProviderProps = Omit<React.ComponentProps<typeof NextThemesProvider>, "nonce"> & {
  /** The per-request CSP nonce, so next-themes' anti-flash script passes 'strict-dynamic'. */
  nonce?: string;
};

export function ThemeProvider({ children, ...props }: ThemeProviderProps) {
  return (
    <NextThemesProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange {...props}>
      {children}
    </NextThemesProvider>
  );
}
