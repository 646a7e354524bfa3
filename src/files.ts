// File-system helpers shared by the edges (the store, the run lock, the commands' output files).
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * mkdir -p, one level at a time: node 20's mkdirSync(…, { recursive: true }) never returns when
 * a folder cannot be made in a place that exists (/proc/x: it keeps retrying on ENOENT).
 */
export function makeFolder(dir: string): void {
  let isFolder;
  try {
    isFolder = statSync(dir).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    const parent = dirname(dir);
    if (parent !== dir) makeFolder(parent);
    mkdirSync(dir);
    return;
  }
  if (!isFolder) throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), { code: 'ENOTDIR' });
}

/** Why a file-system call failed, in words (node's messages name the call and the errno). */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'no such file or folder, and it cannot be made there';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'it is a folder';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'ELOOP':
      return 'too many symbolic links';
    default:
      return (e as Error).message;
  }
}
