import type DataLoader from 'dataloader';

/**
 * `loader.loadMany(keys)`, throwing the first error instead of leaving it in
 * the list: DataLoader puts a failed batch's error in the place of each of
 * its keys (https://github.com/graphql/dataloader#loadmanykeys), and a
 * resolver must not hand an Error to GraphQL as if it were a node.
 */
export async function loadEvery<K, V>(loader: DataLoader<K, V>, keys: readonly K[]): Promise<V[]> {
  const values = await loader.loadMany(keys);
  // Checked by tag, not instanceof: an error made by Node itself (a refused connection) may come from another realm, as under jest.
  for (const value of values) if (Object.prototype.toString.call(value) === '[object Error]') throw value;
  return values as V[];
}
