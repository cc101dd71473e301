import { describe, expect, it } from 'vitest';
import { defaultProfile, eventWording, resolveProfile } from './profile.ts';

describe('resolveProfile', () => {
  it('keeps the documented defaults', () => {
    const { profile, diagnostics } = resolveProfile({});
    expect(diagnostics).toEqual([]);
    expect(profile.crashLoopBackOff).toEqual({ initialMs: 10_000, maxMs: 300_000 });
    expect(profile.crashLoopResetMs).toBe(600_000);
    expect(profile.minGraceMs).toBe(2000);
    expect(profile.sandboxMs).toBe(1000);
    // T6: a failing pull fails fast (the runtime's lookup time is not used for failures).
    expect(profile.failedPullMs).toBe(0);
    expect(resolveProfile({ failedPull: 1.5 }).profile.failedPullMs).toBe(1500);
  });

  it('applies second-valued overrides and reports unknown keys', () => {
    const { profile, diagnostics } = resolveProfile({
      crashLoopBackOff: { initial: 1, max: 60 },
      sandbox: 2.5,
      bogus: 3,
    });
    expect(profile.crashLoopBackOff).toEqual({ initialMs: 1000, maxMs: 60_000 });
    expect(profile.sandboxMs).toBe(2500);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.path).toBe('spec.profile.bogus');
    expect(defaultProfile.crashLoopBackOff.initialMs).toBe(10_000);
  });

  it('clamps initial to max (KubeletCrashLoopBackOffMax) and supports the 1.33 decay gate', () => {
    expect(resolveProfile({ crashLoopBackOff: { max: 5 } }).profile.crashLoopBackOff).toEqual({
      initialMs: 5000,
      maxMs: 5000,
    });
    expect(
      resolveProfile({ reduceDefaultCrashLoopBackOffDecay: true }).profile.crashLoopBackOff,
    ).toEqual({ initialMs: 1000, maxMs: 60_000 });
    expect(resolveProfile({ sandbox: 'x' }).diagnostics[0]!.severity).toBe('error');
  });

  it('words Created/Started per version', () => {
    expect(eventWording('1.31').created('a')).toBe('Created container a');
    expect(eventWording('1.32').created('a')).toBe('Created container: a');
    expect(eventWording('1.32').started('a')).toBe('Started container a');
    expect(eventWording('1.35').started('a')).toBe('Container started');
  });
});
