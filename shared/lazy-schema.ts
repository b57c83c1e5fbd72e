/**
 * A schema built on first use (issue 16). `lazySchema(() => z.object({ … }))` returns, at once, a stand-in that TypeScript
 * sees as the schema itself (so `z.infer`, `.shape`, `.extend`, `.safeParse` … are typed as before) and that builds the
 * real schema the first time anything reads it: its methods, its `_zod` internals (when another schema parses through
 * it), its prototype (`instanceof`). Built once; every later read goes to the same schema.
 *
 * Why: the contract (shared/contract/) and the domain schemas it is made of are hundreds of zod schemas, and building
 * them all when the module is imported was a fifth of the browser host's start. Wrapped like this, a call's schemas
 * are built when that call is first dispatched (or when anything else first uses them), not at import. Nothing else
 * changes: the dispatcher still parses every payload by its schema before any service runs.
 *
 * Only for objects that are read, not for values compared by identity with the built one: the stand-in is the value
 * every module sees (it is what they import), so identity between them holds; the built schema itself never leaks
 * out except through zod's own methods (`Foo.optional()` returns a schema built from it, as before).
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => {
    if (built === undefined) {
      const made = build();
      if ((typeof made !== 'object' && typeof made !== 'function') || made === null) throw new TypeError('lazySchema: the builder returned no schema');
      built = made;
    }
    return built;
  };
  // The target is an empty object: every trap answers from the built schema. Properties are reported configurable
  // (the target has none of them, and a proxy may not report a non-configurable property its target lacks).
  const handler: ProxyHandler<object> = {
    get: (_t, key) => Reflect.get(real(), key),
    set: (_t, key, value) => Reflect.set(real(), key, value),
    has: (_t, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      return d ? { ...d, configurable: true } : undefined;
    },
    defineProperty: (_t, key, d) => Reflect.defineProperty(real(), key, d),
    deleteProperty: (_t, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
    setPrototypeOf: () => false,
    isExtensible: () => true,
    preventExtensions: () => false,
  };
  return new Proxy({}, handler) as T;
}
