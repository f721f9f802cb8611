import { createHash } from 'node:crypto';

/**
 * The id of a link row (attendance, a group membership, an evidence tag)
 * from its natural key, so two installs recording the same link offline
 * make the same row and sync converges on one. UUID-shaped (version 8).
 */
export function linkId(table: string, ...key: (string | null | undefined)[]): string {
  const hex = createHash('sha256')
    .update([table, ...key.map((k) => k ?? '')].join('\0'))
    .digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
