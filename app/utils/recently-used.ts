/**
 * The last few results of a pure computation, kept by key and handed out again: the least recently
 * used goes first once `size` are kept. Pages ask for the same few texts again and again (the
 * constitution, the standing orders), and working them out afresh each time costs more than the
 * database reads around them. What is kept is derived from what the database holds, so another
 * server keeping different ones changes nothing but its speed. Callers must never change a result
 * they are handed: the next caller gets the same object.
 */
export class RecentlyUsed<K, V> {
  private readonly kept = new Map<K, V>();

  constructor(private readonly size: number) {}

  get(key: K, make: () => V): V {
    const known = this.kept.get(key);
    if (known !== undefined) {
      // Most recently used last, so the least used goes first.
      this.kept.delete(key);
      this.kept.set(key, known);
      return known;
    }
    const made = make();
    this.kept.set(key, made);
    if (this.kept.size > this.size) this.kept.delete(this.kept.keys().next().value as K);
    return made;
  }

  get count(): number {
    return this.kept.size;
  }
}
