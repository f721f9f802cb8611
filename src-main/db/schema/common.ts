/** Columns every user-editable table carries (see the change log in src-main/changes). */
export interface EditableColumns {
  id: string;
  created_at: string;
  updated_at: string;
  updated_by: string;
  /** Tombstone: deleted records stay so that deletes sync like any other change. */
  deleted_at: string | null;
}

/** The SQL for those columns, for migrations. */
export const editableColumnsSql = `
  id TEXT PRIMARY KEY NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  deleted_at TEXT`;
