// Types of pdfjs.mjs (plain JavaScript, see there why).
import type { PDFDocumentLoadingTask } from 'pdfjs-dist/legacy/build/pdf.mjs';

export const pdfjs: typeof import('pdfjs-dist/legacy/build/pdf.mjs');
export function openPdf(bytes: Uint8Array, verbosity?: number): PDFDocumentLoadingTask;
