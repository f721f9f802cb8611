import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';
import type { Input, MethodName, Result } from '../../../src-shared/api';
import type { ApiError } from '../../../src-shared/errors';
import { call } from './client';

/** Query keys start with the method name, so an area's queries can be invalidated together. */
export function apiKey<M extends MethodName>(method: M, input?: Input<M>): readonly unknown[] {
  return input === undefined ? [method] : [method, input];
}

export function useApiQuery<M extends MethodName>(
  method: M,
  input: Input<M>,
  options: Omit<UseQueryOptions<Result<M>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<Result<M>, ApiError>({
    queryKey: apiKey(method, input),
    queryFn: () => call(method, input),
    ...options,
  });
}

/**
 * A change through the contract. On success every query is refreshed by
 * default: reads are local and cheap, and one change often shows in several
 * places (a new attendance changes the customer's last activity).
 */
export function useApiMutation<M extends MethodName>(
  method: M,
  options: Omit<UseMutationOptions<Result<M>, ApiError, Input<M>>, 'mutationFn'> = {},
) {
  const client = useQueryClient();
  return useMutation<Result<M>, ApiError, Input<M>>({
    mutationFn: (input) => call(method, input),
    ...options,
    // The caller's own follow-up (clearing a form, moving on) comes first, so
    // it can never undo a choice the user makes once the fresh data shows.
    onSuccess: async (...args) => {
      await options.onSuccess?.(...args);
      await client.invalidateQueries();
    },
  });
}
