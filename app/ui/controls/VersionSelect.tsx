/**
 * Which Kubernetes release the scenario follows: shows `spec.kubernetesVersion` and writes the
 * chosen one into the Scenario document (creating a small one when the text has none).
 */
import { useMemo } from 'react';
import {
  DEFAULT_KUBERNETES_VERSION,
  isKubernetesVersion,
  KUBERNETES_VERSIONS,
} from '../../k8s/features.ts';
import { setKubernetesVersion } from '../actions/kubernetesVersion.ts';

/** Cheap enough for every keystroke; the engine's parse is the one that decides. */
function versionInText(yaml: string): string | undefined {
  return /^\s+kubernetesVersion:\s*["']?([^"'\s#]+)/m.exec(yaml)?.[1];
}

export function VersionSelect(p: { yaml: string; onYaml: (yaml: string) => void }) {
  const current = useMemo(() => versionInText(p.yaml), [p.yaml]);
  return (
    <label
      className="version-select"
      title="Kubernetes release: feature gates, validation, kubelet"
    >
      <span>Kubernetes</span>
      <select
        aria-label="Kubernetes version"
        value={current ?? ''}
        onChange={(e) => p.onYaml(setKubernetesVersion(p.yaml, e.target.value))}
      >
        {current === undefined && <option value="">{DEFAULT_KUBERNETES_VERSION} (default)</option>}
        {current !== undefined && !isKubernetesVersion(current) && (
          <option value={current}>{current} (unsupported)</option>
        )}
        {KUBERNETES_VERSIONS.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
}
