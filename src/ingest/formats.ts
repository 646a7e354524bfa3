// Which files hakusho reads, by extension.
export function formatOf(path: string): 'pdf' | 'text' | null {
  if (/\.pdf$/i.test(path)) return 'pdf';
  if (/\.(txt|md|markdown)$/i.test(path)) return 'text';
  return null;
}
