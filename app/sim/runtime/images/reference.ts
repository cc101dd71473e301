/** Image references as containerd normalises them (docker/distribution `ParseNormalizedNamed`). */

export type ParsedRef =
  | { ok: true; repository: string; tag: string; digest?: string; ref: string }
  | { ok: false; message: string };

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

export function parseImageRef(image: string): ParsedRef {
  const bad = (why: string): ParsedRef => ({
    ok: false,
    message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format${why ? `: ${why}` : ''}`,
  });
  if (image === '' || /\s/.test(image)) return bad('');
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return bad('');
  }
  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG.test(tag)) return bad('');
  }
  const parts = rest.split('/');
  let domain = 'docker.io';
  const first = parts[0]!;
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    domain = first;
    parts.shift();
  }
  if (parts.length === 0 || parts.some((p) => !COMPONENT.test(p))) {
    return bad(parts.some((p) => p.toLowerCase() !== p) ? 'repository name must be lowercase' : '');
  }
  if (domain === 'docker.io' && parts.length === 1) parts.unshift('library');
  const repository = `${domain}/${parts.join('/')}`;
  const t = tag ?? (digest ? '' : 'latest');
  const ref = digest ? `${repository}${t ? `:${t}` : ''}@${digest}` : `${repository}:${t}`;
  return digest
    ? { ok: true, repository, tag: t, digest, ref }
    : { ok: true, repository, tag: t, ref };
}
