import type { Migration } from '../migrations.ts';

/**
 * Indexes for the filters users write most (README, "Querying"): facts of a control, facts of a
 * section (also what ON DELETE CASCADE from sections looks up), documents of a vendor. Without them
 * each is a full scan.
 */
export const filterIndexes: Migration = {
  version: 5,
  name: 'indexes on facts.control_id, facts.section_id and documents.vendor',
  up: `
    CREATE INDEX facts_control ON facts(control_id);
    CREATE INDEX facts_section ON facts(section_id);
    CREATE INDEX documents_vendor ON documents(vendor);
  `,
};
