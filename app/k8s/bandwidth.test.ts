import { describe, expect, it } from 'vitest';
import { EGRESS_BANDWIDTH, extractPodBandwidth, INGRESS_BANDWIDTH } from './bandwidth.ts';
import { QUANTITY_FORMAT_ERROR } from './quantity.ts';

const SMALL = 'resource is unreasonably small (< 1kbit)';
const LARGE = 'resource is unreasonably large (> 1Pbit)';

describe('ExtractPodBandwidthResources (pkg/util/bandwidth)', () => {
  it.each([
    ['10M', { ok: true, ingress: 10_000_000 }],
    ['1k', { ok: true, ingress: 1000 }],
    ['1Gi', { ok: true, ingress: 2 ** 30 }],
    ['1P', { ok: true, ingress: 1e15 }],
    // Value() rounds up: 999.1 is 1000, within bounds.
    ['999.1', { ok: true, ingress: 1000 }],
    ['999', { ok: false, key: INGRESS_BANDWIDTH, error: SMALL }],
    ['0.5k', { ok: false, key: INGRESS_BANDWIDTH, error: SMALL }],
    ['2P', { ok: false, key: INGRESS_BANDWIDTH, error: LARGE }],
    ['10 M', { ok: false, key: INGRESS_BANDWIDTH, error: QUANTITY_FORMAT_ERROR }],
    [' 10M', { ok: false, key: INGRESS_BANDWIDTH, error: QUANTITY_FORMAT_ERROR }],
    ['10Mbps', { ok: false, key: INGRESS_BANDWIDTH, error: QUANTITY_FORMAT_ERROR }],
    ['', { ok: false, key: INGRESS_BANDWIDTH, error: QUANTITY_FORMAT_ERROR }],
  ])('ingress %j', (value, want) => {
    expect(extractPodBandwidth({ [INGRESS_BANDWIDTH]: value })).toEqual(want);
  });

  it('ingress is read first; no annotations is no shaping', () => {
    expect(
      extractPodBandwidth({ [INGRESS_BANDWIDTH]: 'x', [EGRESS_BANDWIDTH]: '1' }),
    ).toMatchObject({ key: INGRESS_BANDWIDTH });
    expect(extractPodBandwidth({ [EGRESS_BANDWIDTH]: '1' })).toMatchObject({
      key: EGRESS_BANDWIDTH,
      error: SMALL,
    });
    expect(extractPodBandwidth(undefined)).toEqual({ ok: true });
  });
});
