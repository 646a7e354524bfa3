// Column sets of the stored tables, shared by the code that reads them back (diff, export).
import type { StoredAttributes } from '../facts/attributes.ts';

/** The identifying columns of a `documents` row. */
export interface DocumentColumns {
  id: number;
  path: string;
  sha256: string;
  vendor: string | null;
  title: string | null;
  version: string | null;
  published: string | null;
}

/** What a `facts` row says, its attributes as the registry declares them (src/facts/attributes.ts), booleans as stored (0/1). */
export type FactColumns = StoredAttributes & {
  control_id: string | null;
  kind: string;
  value: string | null;
};
