"use client";

import { useState } from "react";
import type * as React from "react";

import { cn } from "@/lib/utils";

function Avatar({ className, ...props }: React.ComponentProps<"span">) {
  return (
    <span
      data-slot="avatar"
      className={cn("relative flex size-8 shrink-0 overflow-hidden rounded-full", className)}
      {...props}
    />
  );
}

// The image sits over the fallback and removes itself on error, so no loading state is needed.
function AvatarImage({ className, alt = "", onError, ...props }: React.ComponentProps<"img">) {
  const [failed, setFailed] = useState(false);
  if (failed) return null;
  return (
    // Avatars are arbitrary remote URLs; next/image would need every host in remotePatterns.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      data-slot="avatar-image"
      alt={alt}
      className={cn("absolute inset-0 aspect-square size-full object-cover", className)}
      onError={(event) => {
        setFailed(true);
        onError?.(event);
      }}
      {...props}
    />
  );
}

function AvatarFallback({ className, ...props }: React.ComponentProps<"span">) {
  return (
    <span
      data-slot="avatar-fallback"
      className={cn("flex size-full items-center justify-center rounded-full bg-muted", className)}
      {...props}
    />
  );
}

export { Avatar, AvatarImage, AvatarFallback };
