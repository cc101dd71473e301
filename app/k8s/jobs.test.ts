/**
 * `kubectl patch job` through the API server: jobStrategy.ValidateUpdate (validation.go ValidateJob
 * + ValidateJobSpecUpdate), one row per rule, with the API server's exact message.
 */
import { describe, expect, it } from 'vitest';
import { cloneJson, type JsonObject } from './json.ts';
import { CONTROLLER_UID_LABEL, defaultJob, jobLabels, labelSelectorString } from './jobs.ts';
import { patchWorkload } from './patchObject.ts';

const UID = '0b5c1d2e-0000-4000-8000-000000000001';

/** A Job as the API server stores it: defaulted, with strategy.go's generated labels and selector. */
function stored(spec: JsonObject): JsonObject {
  const job: JsonObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default' },
    spec: {
      ...spec,
      template: {
        metadata: { labels: jobLabels('pi', UID) },
        spec: {
          restartPolicy: 'Never',
          containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-e', '1'] }],
        },
      },
    },
  };
  defaultJob(job);
  (job.spec as JsonObject).selector = { matchLabels: { [CONTROLLER_UID_LABEL]: UID } };
  return job;
}

const nonIndexed = stored({ completions: 4, parallelism: 2 });
const indexed = stored({ completions: 4, parallelism: 2, completionMode: 'Indexed' });
const sel = (extra: Record<string, string>) =>
  labelSelectorString({ matchLabels: { [CONTROLLER_UID_LABEL]: UID, ...extra } });
const templateLabels = `map[string]string{"batch.kubernetes.io/controller-uid":"${UID}", "batch.kubernetes.io/job-name":"pi", "controller-uid":"${UID}", "job-name":"pi"}`;

const refused: [string, JsonObject, unknown, string][] = [
  [
    'completions of a NonIndexed Job',
    nonIndexed,
    { spec: { completions: 6 } },
    'Job.batch "pi" is invalid: spec.completions: Invalid value: 6: field is immutable',
  ],
  [
    'completions removed from a NonIndexed Job',
    nonIndexed,
    { spec: { completions: null } },
    'Job.batch "pi" is invalid: spec.completions: Invalid value: "null": field is immutable',
  ],
  [
    'completions of an Indexed Job without parallelism (elastic: in tandem only)',
    indexed,
    { spec: { completions: 6 } },
    'Job.batch "pi" is invalid: spec.completions: Invalid value: 6: can only be modified in tandem with spec.parallelism',
  ],
  [
    'completionMode',
    nonIndexed,
    { spec: { completionMode: 'Indexed' } },
    'Job.batch "pi" is invalid: spec.completionMode: Invalid value: "Indexed": field is immutable',
  ],
  [
    'a negative parallelism (ValidateJobSpec, once although run twice)',
    nonIndexed,
    { spec: { parallelism: -1 } },
    'Job.batch "pi" is invalid: spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
  ],
  [
    'a zero activeDeadlineSeconds',
    nonIndexed,
    { spec: { activeDeadlineSeconds: 0 } },
    'Job.batch "pi" is invalid: spec.activeDeadlineSeconds: Invalid value: 0: must be greater than 0',
  ],
  [
    'the selector: not auto-generated, not the template, immutable',
    nonIndexed,
    { spec: { selector: { matchLabels: { app: 'x' } } } },
    `Job.batch "pi" is invalid: [spec.selector: Invalid value: ${sel({ app: 'x' })}: \`selector\` not auto-generated, spec.template.metadata.labels: Invalid value: ${templateLabels}: \`selector\` does not match template \`labels\`, spec.selector: Invalid value: ${sel({ app: 'x' })}: field is immutable]`,
  ],
  [
    'a podFailurePolicy added',
    nonIndexed,
    {
      spec: {
        podFailurePolicy: {
          rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }],
        },
      },
    },
    'Job.batch "pi" is invalid: spec.podFailurePolicy: Invalid value: {"rules":[{"action":"Ignore","onPodConditions":[{"type":"DisruptionTarget"}]}]}: field is immutable',
  ],
];

describe('patch job: refused as the API server refuses it', () => {
  it.each(refused)('%s', (_n, job, patch, message) => {
    expect(patchWorkload('Job', job, patch)).toEqual({ ok: false, message });
  });

  it('the template (the image): field is immutable, the new template printed as JSON', () => {
    const r = patchWorkload('Job', nonIndexed, {
      spec: { template: { spec: { containers: [{ name: 'pi', image: 'perl:5.36' }] } } },
    });
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : r.message;
    expect(message).toMatch(
      /^Job\.batch "pi" is invalid: spec\.template: Invalid value: \{.*\}: field is immutable$/,
    );
    expect(message).toContain('"image":"perl:5.36"');
  });

  it('the selector is printed as *metav1.LabelSelector String()', () => {
    expect(
      labelSelectorString({
        matchLabels: { b: '2', a: '1' },
        matchExpressions: [{ key: 'k', operator: 'In', values: ['x', 'y'] }],
      }),
    ).toBe(
      '&LabelSelector{MatchLabels:map[string]string{a: 1,b: 2,},MatchExpressions:[]LabelSelectorRequirement{LabelSelectorRequirement{Key:k,Operator:In,Values:[x y],},},}',
    );
  });
});

const accepted: [string, JsonObject, unknown, (spec: JsonObject) => unknown, unknown][] = [
  ['parallelism', nonIndexed, { spec: { parallelism: 3 } }, (s) => s.parallelism, 3],
  ['backoffLimit', nonIndexed, { spec: { backoffLimit: 1 } }, (s) => s.backoffLimit, 1],
  [
    'activeDeadlineSeconds',
    nonIndexed,
    { spec: { activeDeadlineSeconds: 30 } },
    (s) => s.activeDeadlineSeconds,
    30,
  ],
  [
    'completions and parallelism together in an Indexed Job (ElasticIndexedJob)',
    indexed,
    { spec: { completions: 6, parallelism: 6 } },
    (s) => [s.completions, s.parallelism],
    [6, 6],
  ],
  ['suspend', nonIndexed, { spec: { suspend: true } }, (s) => s.suspend, true],
];

describe('patch job: mutable fields', () => {
  it.each(accepted)('%s', (_n, job, patch, pick, want) => {
    const r = patchWorkload('Job', job, patch);
    expect(r.ok && r.changed).toBe(true);
    expect(r.ok && pick(r.object.spec as JsonObject)).toEqual(want);
  });

  it('the same values again: accepted, no change', () => {
    const r = patchWorkload('Job', cloneJson(nonIndexed), { spec: { parallelism: 2 } });
    expect(r).toEqual({ ok: true, object: nonIndexed, changed: false });
  });
});
