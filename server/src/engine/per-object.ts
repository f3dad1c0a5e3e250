// A value worked out once per object: the catalogue's field lists, fields and enum value lists, and a
// configuration's parsed refs, are built once per process (or per configuration) and asked about by
// every document. Weakly held, so nothing about a document is kept (invariant 6): only what depends on
// the catalogue or the configuration.

/** `compute(key)`, remembered per `key` (undefined results included). */
export function perObject<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const memo = new WeakMap<K, { value: V }>();
  return (key) => {
    let hit = memo.get(key);
    if (!hit) memo.set(key, (hit = { value: compute(key) }));
    return hit.value;
  };
}
