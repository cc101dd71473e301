import { memo } from 'react';
import {
  formatEndpointConditions,
  formatEndpointSlicesTable,
  getEndpointSlices,
  usesNamespaces,
  type TraceIndex,
} from '../../sim/trace/index.ts';
import { Kubectl } from './Kubectl.tsx';

/** `kubectl get endpointslices` at t, plus each endpoint's ready/serving/terminating conditions. */
export const EndpointsPanel = memo(function EndpointsPanel({
  idx,
  t,
}: {
  idx: TraceIndex;
  t: number;
}) {
  const views = getEndpointSlices(idx, t);
  const all = usesNamespaces(idx);
  return (
    <>
      <Kubectl
        command={`kubectl get endpointslices${all ? ' -A' : ''}`}
        output={formatEndpointSlicesTable(views, 'default', all)}
        testId="endpoints-output"
      />
      {views.length ? (
        <Kubectl command="# endpoint conditions" output={formatEndpointConditions(views, all)} />
      ) : null}
    </>
  );
});
