import { memo } from 'react';
import {
  formatEndpointConditions,
  formatEndpointSlicesTable,
  getEndpointSlices,
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
  return (
    <>
      <Kubectl
        command="kubectl get endpointslices"
        output={
          views.length
            ? formatEndpointSlicesTable(views)
            : 'No resources found in default namespace.\n'
        }
        testId="endpoints-output"
      />
      {views.length ? (
        <Kubectl command="# endpoint conditions" output={formatEndpointConditions(views)} />
      ) : null}
    </>
  );
});
