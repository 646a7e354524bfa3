// The OSCAL export: one OSCAL 1.1.2 component-definition (XML) with one component per whitepaper
// (document), its statements on each ISO/IEC 27017 control as implemented-requirements, and its
// facts as properties.
//
// Mapping (also in the README):
// - component: type "service", title "<vendor>: <services or title>"; vendor as a party in the
//   metadata (responsible-role "provider") and as a prop; services, whitepaper title, edition,
//   published date and sha256 as props in the hakusho namespace.
// - control-implementation: source `urn:iso:std:iso-iec:27017:ed-1` (ISO/IEC 27017:2015; there is
//   no official OSCAL catalog of it); one implemented-requirement per control the whitepaper has
//   a section for, in document order.
// - control-id: OSCAL ids are tokens that start with a letter, so the canonical id is lower-cased
//   and given the prefix it is printed with in the standards: `12.3.1` → `a.12.3.1` (the ISO/IEC
//   27002:2013 numbering of ISO/IEC 27001:2013 Annex A), `CLD.9.5.1` → `cld.9.5.1`. The canonical
//   id is kept in a `control` prop.
// - description: the section body, one <p> per line (several sections for one control follow
//   each other).
// - facts: a prop per fact, name = kind, value = value ("unspecified" when null), class
//   "affirmed" or "negated", group "fact-<n>" shared with props for its qualifiers (frequency,
//   subject, bound, unit, key-management, timezone, third-party), remarks = the evidence sentence
//   and its page.
// - uuids: name-based (RFC 9562 version 5) from the document's sha256 and the control id, so an
//   export of the same data gives the same file.
import { createHash } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';
import { ATTRIBUTES } from '../facts/attributes.ts';
import { byDocument, type Dataset, type DocumentRow, type FactRow, type SectionRow } from './data.ts';

export const OSCAL_NS = 'http://csrc.nist.gov/ns/oscal/1.0';
export const OSCAL_VERSION = '1.1.2';
/** The namespace of hakusho's own props. */
export const HAKUSHO_NS = 'urn:hakusho:oscal';
export const ISO27017_SOURCE = 'urn:iso:std:iso-iec:27017:ed-1';

/** RFC 9562 version 5 (SHA-1, name-based) uuid. */
export function uuidV5(name: string, namespace: string): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** RFC 9562's URL namespace. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
const HAKUSHO_UUID_NS = uuidV5(HAKUSHO_NS, URL_NAMESPACE);
const uuid = (name: string) => uuidV5(name, HAKUSHO_UUID_NS);

/** `12.3.1` → `a.12.3.1`, `CLD.9.5.1` → `cld.9.5.1`; other ids lower-cased, made a token. */
export function oscalControlId(controlId: string): string {
  if (/^\d/.test(controlId)) return `a.${controlId}`;
  const id = controlId.toLowerCase().replace(/[^\p{L}\p{N}._-]+/gu, '-');
  return /^[\p{L}_]/u.test(id) ? id : `x-${id}`;
}

/** XML 1.0 forbids most control characters; OSCAL strings must not start or end with whitespace. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').trim();
}

function paragraphs(text: string): { p: string[] } {
  const ps = text.split(/\r?\n/).map(clean).filter(Boolean);
  return { p: ps.length ? ps : ['(no text)'] };
}

type Node = Record<string, unknown>;

const prop = (name: string, value: string, extra: Node = {}): Node => ({
  '@_name': name,
  '@_ns': HAKUSHO_NS,
  '@_value': clean(value) || 'unspecified',
  ...extra,
});

function factProps(f: FactRow, n: number): Node[] {
  const group = `fact-${n}`;
  const where = [f.control_id ? `control ${f.control_id}` : null, f.page !== null ? `page ${f.page}` : null].filter(Boolean).join(', ');
  const out: Node[] = [
    prop(f.kind, f.value ?? 'unspecified', {
      '@_class': f.negated ? 'negated' : 'affirmed',
      '@_group': group,
      remarks: { p: [clean(f.evidence) || '(no evidence)', ...(where ? [where] : [])] },
    }),
  ];
  // Each attribute the registry declares, under its column's name in OSCAL's spelling (key-management).
  const qualifiers: [string, string | null][] = ATTRIBUTES.map((a) => {
    const v = f[a.column];
    return [a.column.replace(/_/g, '-'), v === null ? null : a.type === 'boolean' ? (v ? 'true' : 'false') : String(v)];
  });
  for (const [name, value] of qualifiers) {
    if (value !== null && clean(value)) out.push(prop(name, value, { '@_class': 'qualifier', '@_group': group }));
  }
  return out;
}

function componentTitle(d: DocumentRow): string {
  const what = d.services.length ? d.services.join(' / ') : (d.title ?? d.path);
  return clean(d.vendor ? `${d.vendor}: ${what}` : what) || d.path;
}

function edition(d: DocumentRow): string {
  const v = d.version === null ? null : /^\d/.test(d.version) ? `version ${d.version}` : d.version;
  return [v, d.published ? `published ${d.published}` : null].filter(Boolean).join(', ');
}

function component(d: DocumentRow, sections: SectionRow[], facts: FactRow[], partyUuid: string | null): Node {
  const props: Node[] = [];
  if (d.vendor) props.push(prop('vendor', d.vendor));
  for (const s of d.services) props.push(prop('service', s));
  if (d.title) props.push(prop('whitepaper-title', d.title));
  if (d.version) props.push(prop('version', d.version));
  if (d.published) props.push(prop('published', d.published));
  props.push(prop('sha256', d.sha256));
  props.push(prop('latest-edition', d.latest ? 'true' : 'false'));

  // One implemented-requirement per control, in the order the whitepaper first treats it.
  const byControl = new Map<string, SectionRow[]>();
  for (const s of sections) {
    if (!s.control_id) continue;
    const list = byControl.get(s.control_id) ?? [];
    list.push(s);
    byControl.set(s.control_id, list);
  }
  const factsBySection = new Map<number | null, FactRow[]>();
  for (const f of facts) {
    const list = factsBySection.get(f.section_id) ?? [];
    list.push(f);
    factsBySection.set(f.section_id, list);
  }
  let factNo = 0;
  const requirements: Node[] = [];
  for (const [controlId, secs] of byControl) {
    const text = secs.map((s) => s.body.trim() || s.heading).join('\n');
    const reqProps: Node[] = [prop('control', controlId), prop('heading', secs[0]!.heading)];
    if (secs[0]!.page !== null) reqProps.push(prop('page', String(secs[0]!.page)));
    for (const s of secs) for (const f of factsBySection.get(s.id) ?? []) reqProps.push(...factProps(f, ++factNo));
    requirements.push({
      '@_uuid': uuid(`requirement:${d.sha256}:${controlId}`),
      '@_control-id': oscalControlId(controlId),
      description: paragraphs(text),
      prop: reqProps,
    });
  }

  // Facts stated outside any control section (an overview table): the component's own props.
  for (const f of factsBySection.get(null) ?? []) props.push(...factProps(f, ++factNo));

  const node: Node = {
    '@_uuid': uuid(`component:${d.sha256}`),
    '@_type': 'service',
    title: componentTitle(d),
    description: {
      p: [clean([d.title ?? '(untitled whitepaper)', d.vendor ? `by ${d.vendor}` : null, edition(d) ? `(${edition(d)})` : null].filter(Boolean).join(' '))],
    },
    prop: props,
  };
  if (partyUuid) node['responsible-role'] = { '@_role-id': 'provider', 'party-uuid': partyUuid };
  if (requirements.length > 0) {
    node['control-implementation'] = {
      '@_uuid': uuid(`control-implementation:${d.sha256}`),
      '@_source': ISO27017_SOURCE,
      description: paragraphs(`What the whitepaper states for each ISO/IEC 27017:2015 control it addresses (${requirements.length} controls).`),
      'implemented-requirement': requirements,
    };
  }
  node.remarks = { p: [clean(`Read by hakusho (${d.pipeline_version}) from ${d.path}.`)] };
  return node;
}

export function oscalExport(data: Dataset): string {
  const sections = byDocument(data.sections);
  const facts = byDocument(data.facts);
  const vendors = [...new Set(data.documents.map((d) => d.vendor).filter((v): v is string => v !== null))];
  const partyUuid = (vendor: string) => uuid(`party:${vendor}`);
  const identity = createHash('sha256')
    .update(data.documents.map((d) => `${d.sha256}:${d.pipeline_version}`).sort().join('\n'))
    .digest('hex');
  const lastModified = data.documents.map((d) => d.ingested_at).sort().at(-1) ?? '1970-01-01T00:00:00.000Z';

  const metadata: Node = {
    title: `ISO/IEC 27017 cloud security whitepapers (${data.documents.length})`,
    'last-modified': lastModified,
    version: identity.slice(0, 12),
    'oscal-version': OSCAL_VERSION,
  };
  if (vendors.length) {
    metadata.role = { '@_id': 'provider', title: 'Provider' };
    metadata.party = vendors.map((v) => ({ '@_uuid': partyUuid(v), '@_type': 'organization', name: clean(v) }));
  }
  metadata.remarks = {
    p: [
      'Exported by hakusho from whitepapers on ISO/IEC 27017:2015. Control ids: a.<n> for the ISO/IEC 27002:2013 controls (12.3.1 → a.12.3.1), cld.<n> for the cloud controls of ISO/IEC 27017 (CLD.9.5.1 → cld.9.5.1).',
    ],
  };

  const doc = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'component-definition': {
      '@_xmlns': OSCAL_NS,
      '@_uuid': uuid(`component-definition:${identity}`),
      metadata,
      component: data.documents.map((d) =>
        component(d, sections.get(d.id) ?? [], facts.get(d.id) ?? [], d.vendor ? partyUuid(d.vendor) : null),
      ),
    },
  };
  const builder = new XMLBuilder({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    format: true,
    indentBy: '  ',
    suppressEmptyNode: true,
    // Else an attribute whose value is "true" is written bare (value instead of value="true").
    suppressBooleanAttributes: false,
    processEntities: true,
  });
  return builder.build(doc) as string;
}
