// Column sets of the stored tables, shared by the code that reads them back (diff, export).

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

/** What a `facts` row says (negated and third_party as stored: 0/1). */
export interface FactColumns {
  control_id: string | null;
  kind: string;
  value: string | null;
  unit: string | null;
  frequency: string | null;
  subject: string | null;
  bound: string | null;
  key_management: string | null;
  timezone: string | null;
}
