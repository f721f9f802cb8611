/**
 * A staff profile's passphrase: never an editable table, so never in the
 * change log. No row: the profile sets one at its next sign-in.
 */
export interface StaffCredentialsTable {
  staff_id: string;
  algorithm: 'scrypt';
  hash: Buffer;
  salt: Buffer;
  /** scrypt's N, r and p and the key length the hash was made with. */
  cost: number;
  block_size: number;
  parallelism: number;
  key_length: number;
  set_at: string;
  failed_attempts: number;
  last_failed_at: string | null;
  /** No attempt is checked before this instant. */
  retry_after: string | null;
}

export interface CredentialTables {
  staff_credentials: StaffCredentialsTable;
}
