// Work that must happen inside a document's write transaction besides the core tables
// (the search index, document families). Each hook sees the stored document's id.
import type { DB } from './db.ts';
import { familyHook } from './families.ts';
import { indexSections } from './search-index.ts';
import type { StoreInput } from './writer.ts';

export type AfterStore = (db: DB, documentId: number, input: StoreInput) => void;

export const AFTER_STORE: AfterStore[] = [familyHook, indexSections];
