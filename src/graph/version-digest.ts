import { createHash } from 'node:crypto';

/** The digest of one data file: its path and bytes. */
export function fileDigest(file: string, bytes: string | Buffer): string {
  return createHash('sha256').update(file).update('\0').update(bytes).digest('hex');
}

const MODULUS = 1n << 128n;

/**
 * The version of a set of data files: the sum of their digests (modulo
 * 2^128), so that changing one file changes the version by that file's
 * digests alone, whatever the order the files were read in, and the same
 * files give the same version however they were reached (a reload, or the
 * writes that made them).
 */
export function combineDigests(digests: Iterable<string>): string {
  let sum = 0n;
  for (const digest of digests) sum = (sum + BigInt(`0x${digest.slice(0, 32)}`)) % MODULUS;
  return sum.toString(16).padStart(32, '0').slice(0, 16);
}
