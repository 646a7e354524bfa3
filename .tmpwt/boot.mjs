await import('./w.ts');
