import { describe, expect, it } from 'vitest';
import { MULTIPLE_PDBS, PDB_VIOLATION, evictionDecision, type BudgetView } from './eviction.ts';

const pdb = (currentHealthy: number, desiredHealthy: number, name = 'web'): BudgetView => ({
  name,
  currentHealthy,
  desiredHealthy,
  disruptionsAllowed: Math.max(0, currentHealthy - desiredHealthy),
  disrupt: () => {},
});
const running = { phase: 'Running', deleting: false, ready: true };

describe('EvictionREST.Create', () => {
  it.each([
    ['no budget', running, [], 'ok'],
    ['allowed 1', running, [pdb(3, 2)], 'charge web'],
    ['allowed 0', running, [pdb(2, 2)], '429'],
    ['two budgets', running, [pdb(3, 1), pdb(3, 1, 'b')], '500'],
    ['Pending ignores budgets', { ...running, phase: 'Pending' }, [pdb(2, 2)], 'ok'],
    ['Succeeded ignores budgets', { ...running, phase: 'Succeeded' }, [pdb(2, 2)], 'ok'],
    ['deleting ignores budgets', { ...running, deleting: true }, [pdb(2, 2)], 'ok'],
    ['unready, budget satisfied: no charge', { ...running, ready: false }, [pdb(2, 2)], 'ok'],
    ['unready, budget short', { ...running, ready: false }, [pdb(1, 2)], '429'],
  ] as const)('%s', (_n, pod, budgets, want) => {
    const r = evictionDecision(pod, budgets);
    const got = r.ok ? (r.charge ? `charge ${r.charge.name}` : 'ok') : String(r.code);
    expect(got).toBe(want);
  });
  it('the apiserver messages', () => {
    const r = evictionDecision(running, [pdb(1, 2)]);
    expect(r).toEqual({
      ok: false,
      code: 429,
      message: "Cannot evict pod as it would violate the pod's disruption budget.",
      cause: 'The disruption budget web needs 2 healthy pods and has 1 currently',
    });
    expect(PDB_VIOLATION).toBe(r.ok ? '' : r.message);
    expect(MULTIPLE_PDBS).toBe(
      'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
    );
  });
});
