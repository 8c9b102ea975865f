import { createHash } from 'node:crypto';
import { runToEnd, type Sliced } from './time-slices';

/** The digest of one data file: its path and bytes. */
export function fileDigest(file: string, bytes: string | Buffer): string {
  return createHash('sha256').update(file).update('\0').update(bytes).digest('hex');
}

const MODULUS = 1n << 128n;

/** A file digest as a number (its first 128 bits). */
const valueOf = (digest: string) => BigInt(`0x${digest.slice(0, 32)}`);

/**
 * The sum of file digests (modulo 2^128) that the version of a set of data
 * files is made from: changing one file changes the sum by that file's
 * digests alone, whatever the order the files were read in, so the same
 * files give the same version however they were reached (a reload, or the
 * writes that made them).
 */
export function sumDigests(digests: Iterable<string>): bigint {
  return runToEnd(sumDigestsSliced(digests));
}

/** `sumDigests` as sliced work (see time-slices.ts): a graph of 100,000 articles has as many files. */
export function* sumDigestsSliced(digests: Iterable<string>): Sliced<bigint> {
  let sum = 0n;
  let n = 0;
  for (const digest of digests) {
    sum = (sum + valueOf(digest)) % MODULUS;
    if ((++n & 0xfff) === 0) yield;
  }
  return sum;
}

/** `sum`, less the digests `removed`, plus the digests `added`. */
export function addDigests(sum: bigint, removed: readonly string[], added: readonly string[]): bigint {
  let next = sum;
  for (const digest of removed) next = (next - valueOf(digest) + MODULUS) % MODULUS;
  for (const digest of added) next = (next + valueOf(digest)) % MODULUS;
  return next;
}

/** The version string of a digest sum. */
export function versionOf(sum: bigint): string {
  return sum.toString(16).padStart(32, '0').slice(0, 16);
}
