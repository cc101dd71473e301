/**
 * How the projections name a namespaced object (DESIGN.md §4): its name in the `default` namespace,
 * `NAMESPACE/NAME` elsewhere. Names and namespaces are DNS labels/subdomains, so they never contain
 * `/` and the key splits back unambiguously.
 */
export const DEFAULT_NAMESPACE = 'default';

export function objectKey(namespace: string, name: string): string {
  return namespace === DEFAULT_NAMESPACE ? name : `${namespace}/${name}`;
}

/** The inverse of `objectKey`: `team-a/web` → team-a, web; `web` → default, web. */
export function splitObjectKey(key: string): { namespace: string; name: string } {
  const i = key.indexOf('/');
  return i < 0
    ? { namespace: DEFAULT_NAMESPACE, name: key }
    : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}

/** kubectl's message for an empty list: in one namespace, or (`-A`) in none in particular. */
export function noResources(namespace: string | undefined): string {
  return namespace === undefined
    ? 'No resources found\n'
    : `No resources found in ${namespace} namespace.\n`;
}

/**
 * The involved object as the index names it: `pod/web` in `default`, `pod/team-a/web` elsewhere
 * (the record's `object` is what kubectl prints, without the namespace).
 */
export function eventKey(e: { object: string; namespace: string }): string {
  const i = e.object.indexOf('/');
  if (i < 0) return e.object;
  return `${e.object.slice(0, i)}/${objectKey(e.namespace, e.object.slice(i + 1))}`;
}

/** How a kubectl command line names the object under `key`: `web`, or `web -n team-a`. */
export function kubectlName(key: string): string {
  const { namespace, name } = splitObjectKey(key);
  return namespace === DEFAULT_NAMESPACE ? name : `${name} -n ${namespace}`;
}
