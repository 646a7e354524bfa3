// A policy judged against the database: every requirement for the latest edition of each
// whitepaper (or every edition), each verdict with the fact that decided it.
import { readAttributes } from '../facts/attributes.ts';
import { loadDataset } from '../export/data.ts';
import type { DB } from '../store/db.ts';
import { judge, type PolicyFact, type Status } from './judge.ts';
import type { Policy } from './policy.ts';

/** One verdict: the columns of `check --format json|csv`. */
export interface CheckResult {
  document_id: number;
  vendor: string | null;
  title: string | null;
  version: string | null;
  requirement: string;
  status: Status;
  /** The deciding fact's value ("35", "aws:ap-northeast-1", "true"); null when unknown. */
  value: string | null;
  control_id: string | null;
  page: number | null;
  evidence: string | null;
  /** Whether the deciding fact is a denial. */
  negated: boolean;
}

export const RESULT_COLUMNS = ['document_id', 'vendor', 'title', 'version', 'requirement', 'status', 'value', 'control_id', 'page', 'evidence'] as const;

export function checkPolicy(db: DB, policy: Policy, opts: { allEditions?: boolean } = {}): CheckResult[] {
  const data = loadDataset(db, { latest: !opts.allEditions });
  const facts = new Map<number, PolicyFact[]>();
  for (const f of data.facts) {
    const list = facts.get(f.document_id) ?? [];
    list.push({ kind: f.kind, value: f.value, negated: f.negated === 1, attributes: readAttributes(f), control_id: f.control_id, page: f.page, evidence: f.evidence });
    facts.set(f.document_id, list);
  }
  return data.documents.flatMap((d) =>
    policy.requirements.map((req): CheckResult => {
      const { status, fact } = judge(req, facts.get(d.id) ?? []);
      return {
        document_id: d.id,
        vendor: d.vendor,
        title: d.title,
        version: d.version,
        requirement: req.id,
        status,
        value: fact?.value ?? null,
        control_id: fact?.control_id ?? null,
        page: fact?.page ?? null,
        evidence: fact?.evidence ?? null,
        negated: fact?.negated ?? false,
      };
    }),
  );
}
