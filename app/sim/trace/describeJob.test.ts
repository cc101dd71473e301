/**
 * `kubectl describe job` (describe.go describeJob, DescribePodTemplate) on the gallery's Job
 * examples, byte for byte (the Job's UID, random on a cluster, is shown as UID).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateText } from '../index.ts';
import { describeJobAt } from './describeJob.ts';
import { createTraceIndex } from './traceIndex.ts';
import { jobsAt } from './workloadViews.ts';

const example = (name: string) =>
  readFileSync(new URL(`../../scenario/examples/${name}.yaml`, import.meta.url), 'utf8');

function describeAt(name: string, job: string, t: number): string | undefined {
  const { parsed, result } = simulateText(example(name));
  expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const uid = jobsAt(result, t, 'default').find((j) => j.name === job)?.uid ?? 'none';
  return describeJobAt(createTraceIndex(result), 'default', job, t)?.replaceAll(uid, 'UID');
}

const labels = (job: string, indent: string) =>
  [
    `batch.kubernetes.io/controller-uid=UID`,
    `${indent}batch.kubernetes.io/job-name=${job}`,
    `${indent}controller-uid=UID`,
    `${indent}job-name=${job}`,
  ].join('\n');

/** The lines every NonIndexed Job of one completion starts with, up to Start Time. */
const head = (job: string, backoffLimit: number) => `Name:             ${job}
Namespace:        default
Selector:         batch.kubernetes.io/controller-uid=UID
Labels:           ${labels(job, '                  ')}
Annotations:      <none>
Parallelism:      1
Completions:      1
Completion Mode:  NonIndexed
Suspend:          false
Backoff Limit:    ${backoffLimit}
Start Time:       Thu, 01 Jan 2026 00:00:00 +0000
`;

/** A template container with `sh -c CMD`; `pad` is the tabwriter's gap after Environment:/Mounts:. */
const container = (name: string, cmd: string, pad: string) => `   ${name}:
    Image:      busybox
    Port:       <none>
    Host Port:  <none>
    Command:
      sh
      -c
      ${cmd}
    Environment:${pad}<none>
    Mounts:${pad}     <none>
`;

const TEMPLATE_END = `  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
`;

describe('describe job', () => {
  it('38-job-backoff-limit at 60 s: Failed, no Completed At, the BackoffLimitExceeded event', () => {
    expect(describeAt('38-job-backoff-limit', 'job', 60)).toBe(`${head('job', 2)}\
Pods Statuses:    0 Active (0 Ready) / 0 Succeeded / 3 Failed
Pod Template:
  Labels:  ${labels('job', '           ')}
  Containers:
${container('main', 'sleep 5; exit 1', '   ')}${TEMPLATE_END}\
Events:
  Type     Reason                Age   From            Message
  ----     ------                ----  ----            -------
  Normal   SuccessfulCreate      60s   job-controller  Created pod: job-l2dlq
  Normal   SuccessfulCreate      43s   job-controller  Created pod: job-mvrqc
  Normal   SuccessfulCreate      16s   job-controller  Created pod: job-5rf4m
  Warning  BackoffLimitExceeded  7s    job-controller  Job has reached the specified backoff limit
`);
  });

  it('37-job-native-sidecar at 60 s: Complete, Completed At and Duration, the sidecar as an init container', () => {
    expect(describeAt('37-job-native-sidecar', 'report', 60)).toBe(`${head('report', 6)}\
Completed At:     Thu, 01 Jan 2026 00:00:17 +0000
Duration:         17s
Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed
Pod Template:
  Labels:  ${labels('report', '           ')}
  Init Containers:
${container('logshipper', "trap 'exit 0' TERM; while true; do sleep 1; done", '  ')}\
  Containers:
${container('main', 'echo report done; sleep 10', '   ')}${TEMPLATE_END}\
Events:
  Type    Reason            Age   From            Message
  ----    ------            ----  ----            -------
  Normal  SuccessfulCreate  60s   job-controller  Created pod: report-xdx7d
  Normal  Completed         43s   job-controller  Job completed
`);
  });

  it('an Indexed Job shows Completed Indexes and its deadline; an unknown name is undefined', () => {
    const text = `apiVersion: batch/v1
kind: Job
metadata: { name: idx, labels: { team: a } }
spec:
  completions: 3
  parallelism: 3
  completionMode: Indexed
  activeDeadlineSeconds: 100
  template:
    spec:
      restartPolicy: Never
      containers: [{ name: c, image: busybox, command: ["sh", "-c", "sleep 2"] }]
`;
    const { result } = simulateText(text, { until: 30 });
    const out = describeJobAt(createTraceIndex(result), 'default', 'idx', 30) ?? '';
    expect(out).toContain('Labels:                   team=a\n');
    expect(out).toContain('Completion Mode:          Indexed\n');
    expect(out).toContain('Active Deadline Seconds:  100s\n');
    expect(out).toContain('Completed Indexes:        0-2\n');
    expect(describeJobAt(createTraceIndex(result), 'default', 'other', 30)).toBeUndefined();
  });
});
