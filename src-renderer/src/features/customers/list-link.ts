import type { CustomerStatus } from '../../../../src-shared/domain/customer';

/**
 * The register's address for a filter, as CustomerList reads it back from the
 * address: links elsewhere (Home, a group's rules) open the register already filtered.
 */
export function customerListLink(filter: {
  status?: CustomerStatus;
  landlordId?: string;
  noRecentActivity?: boolean;
}): string {
  const params = new URLSearchParams();
  if (filter.landlordId) params.set('landlord', filter.landlordId);
  if (filter.status) params.set('status', filter.status);
  if (filter.noRecentActivity) params.set('idle', '1');
  const query = params.toString();
  return query ? `/customers?${query}` : '/customers';
}
