/**
 * kubectl decodes YAML with go-yaml v2 (sigs.k8s.io/yaml), which resolves plain scalars the YAML 1.1 way
 * in two places a manifest meets often:
 * - `0644` is octal (420): `defaultMode: 0644` on Secret/ConfigMap volumes;
 * - `yes`/`no`/`on`/`off`/`y`/`n` are booleans: `value: yes` in an env var is a type error in kubectl.
 * The rest stays YAML 1.2 core (timestamps stay strings, `1:20` stays a string).
 * Source: go-yaml v2 resolve.go (resolveMapList, and ParseInt(plain, 0, 64) for a leading 0).
 */
import type { ScalarTag, Tags } from 'yaml';

const octal: ScalarTag = {
  identify: (v) => typeof v === 'number',
  default: true,
  tag: 'tag:yaml.org,2002:int',
  format: 'OCT',
  test: /^[-+]?0[0-7]+$/,
  resolve: (s) => (s.startsWith('-') ? -1 : 1) * parseInt(s.replace(/^[-+]/, ''), 8),
};

const bool11: ScalarTag = {
  identify: (v) => typeof v === 'boolean',
  default: true,
  tag: 'tag:yaml.org,2002:bool',
  test: /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/,
  resolve: (s) => /^(?:y|Y|yes|Yes|YES|on|On|ON)$/.test(s),
};

/** Our tags first: a plain scalar takes the first tag whose `test` matches. */
export const kubectlTags = (tags: Tags): Tags => [octal, bool11, ...tags];
