// Facts: one module per kind, each given a section and returning the facts it states.
import type { Fact, Section } from '../types.ts';

/** Extracts the facts of every section. Async because the tokenizer loads lazily. */
export async function extractFacts(sections: readonly Section[]): Promise<Fact[]> {
  void sections;
  return [];
}
