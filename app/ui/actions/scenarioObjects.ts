/**
 * Keys (objectKey: NAME in default, NAMESPACE/NAME elsewhere) of the Services and the readiness
 * gates of the pods declared in the scenario text (pure).
 */
import { dict } from '../../sim/trace/dict.ts';
import { objectKey } from '../../sim/trace/objectKey.ts';
import { parseAllDocuments } from 'yaml';

export interface ScenarioObjects {
  services: string[];
  /** readinessGates condition types per pod key. */
  gates: Record<string, string[]>;
}

export function scenarioObjects(text: string): ScenarioObjects {
  const out: ScenarioObjects = { services: [], gates: dict() };
  const docs = parseAllDocuments(text);
  for (const d of Array.isArray(docs) ? docs : []) {
    const kind = d.get('kind');
    const name = d.getIn(['metadata', 'name']);
    if (typeof name !== 'string') continue;
    const ns = d.getIn(['metadata', 'namespace']);
    const key = objectKey(typeof ns === 'string' && ns ? ns : 'default', name);
    if (kind === 'Service') out.services.push(key);
    if (kind === 'Pod') {
      const gates = d.getIn(['spec', 'readinessGates']);
      const js: unknown =
        gates && typeof gates === 'object' && 'toJSON' in gates
          ? (gates as { toJSON(): unknown }).toJSON()
          : undefined;
      out.gates[key] = Array.isArray(js)
        ? js.flatMap((g: unknown) =>
            g &&
            typeof g === 'object' &&
            'conditionType' in g &&
            typeof g.conditionType === 'string'
              ? [g.conditionType]
              : [],
          )
        : [];
    }
  }
  return out;
}
