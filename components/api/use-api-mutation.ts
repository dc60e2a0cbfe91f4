"use client";

import { useMutation, type UseMutationOptions } from "@tanstack/react-query";
import { useRouter } from "next/navigation";

/**
 * A mutation through TanStack Query that re-renders the server page when it succeeds (the pages read
 * through RLS on the server), so forms keep no pending, error or refresh state of their own.
 */
export function useApiMutation<TData = unknown, TVariables = void>(
  options: UseMutationOptions<TData, Error, TVariables> & { refresh?: boolean },
) {
  const router = useRouter();
  const { refresh = true, onSuccess, ...rest } = options;
  return useMutation<TData, Error, TVariables>({
    ...rest,
    onSuccess: async (...args) => {
      await onSuccess?.(...args);
      if (refresh) router.refresh();
    },
  });
}
