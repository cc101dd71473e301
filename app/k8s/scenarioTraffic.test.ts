import { describe, expect, it } from 'vitest';
import { parseScenario } from './parseScenario.ts';
import { isDNS1035Label } from './validate/names.ts';

/** The Service `web` and a Pod it selects, so no other warning appears. */
const OBJECTS = [
  '---',
  '{apiVersion: v1, kind: Pod, metadata: {name: p, labels: {app: web}}, spec: {containers: [{name: app, image: nginx}]}}',
  '---',
  '{apiVersion: v1, kind: Service, metadata: {name: web}, spec: {selector: {app: web}, ports: [{port: 80}]}}',
].join('\n');

const scenario = (entry: string) =>
  [
    'apiVersion: podlab.dev/v1',
    'kind: Scenario',
    'metadata: {name: demo}',
    'spec:',
    '  until: 5m',
    '  nodes: 1',
    '  traffic:',
    `    - ${entry}`,
    OBJECTS,
  ].join('\n');

const parse = (entry: string) => {
  const r = parseScenario(scenario(entry));
  return {
    traffic: r.scenario.traffic,
    diags: r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.message}`),
  };
};

describe('spec.traffic (DESIGN §3)', () => {
  it('reads a client with defaults: from 0, to the end, the first port', () => {
    expect(parse('{service: web, rate: 20}')).toEqual({
      traffic: [{ service: 'web', rate: 20, from: 0, doc: 0, path: 'spec.traffic[0]' }],
      diags: [],
    });
    expect(parse('{service: web, rate: 2.5, from: 10s, to: 1m, port: http}').traffic).toEqual([
      {
        service: 'web',
        rate: 2.5,
        from: 10,
        to: 60,
        port: 'http',
        doc: 0,
        path: 'spec.traffic[0]',
      },
    ]);
  });

  const DNS1035 = isDNS1035Label('X')[0] ?? '';
  it.each([
    ['no service', '{rate: 5}', ['8:7 error spec.traffic[0].service: Required value']],
    ['no rate', '{service: web}', ['8:7 error spec.traffic[0].rate: Required value']],
    [
      'rate 0',
      '{service: web, rate: 0}',
      [
        '8:28 error spec.traffic[0].rate: Invalid value: 0: must be a number of requests per second, above 0 and at most 1000',
      ],
    ],
    [
      'rate too high',
      '{service: web, rate: 5000}',
      [
        '8:28 error spec.traffic[0].rate: Invalid value: 5000: must be a number of requests per second, above 0 and at most 1000',
      ],
    ],
    [
      'service name with a newline',
      '{service: "web\\ntouch x", rate: 1}',
      [`8:17 error spec.traffic[0].service: Invalid value: "web\\ntouch x": ${DNS1035}`],
    ],
    [
      'to before from',
      '{service: web, rate: 1, from: 2m, to: 1m}',
      ['8:45 error spec.traffic[0].to: Invalid value: "1m": must be after from (120 s)'],
    ],
    [
      'bad port',
      '{service: web, rate: 1, port: 70000}',
      [
        '8:37 error spec.traffic[0].port: Invalid value: 70000: must be a Service port number (1-65535) or a port name',
      ],
    ],
    [
      'bad duration',
      '{service: web, rate: 1, from: soon}',
      [
        '8:37 error spec.traffic[0].from: Invalid value: "soon": must be a duration such as 90s, 5m, 1h30m or a number of seconds',
      ],
    ],
  ])('%s: an error at its line, the client dropped', (_name, entry, expected) => {
    const r = parse(entry);
    expect(r.diags).toEqual(expected);
    expect(r.traffic).toEqual([]);
  });

  it.each([
    [
      'a Service the text does not define',
      '{service: api, rate: 1}',
      '8:17 warning Service "api" is not defined in this scenario: every request fails its DNS lookup',
    ],
    [
      'a client starting after the end',
      '{service: web, rate: 1, from: 10m}',
      '8:37 warning this client starts after spec.until (300 s): it sends nothing',
    ],
  ])('%s: a warning, the client kept', (_name, entry, expected) => {
    const r = parse(entry);
    expect(r.diags).toEqual([expected]);
    expect(r.traffic).toHaveLength(1);
  });

  it('an unknown field is reported by the schema', () => {
    expect(parse('{service: web, rate: 1, rps: 3}').diags.join('\n')).toMatch(/rps/);
  });
});
