/**
 * The object types after API-server defaulting (defaults.ts, from kubernetes
 * `pkg/apis/core/v1/defaults.go`): the fields a default always fills are required here, so the
 * engine reads them as they are and never repeats a default (`?? 3`). `parseScenario` returns these
 * for every object without errors; validation rejects the rest.
 */
import type {
  Container,
  ContainerPort,
  HTTPGetAction,
  LifecycleHandler,
  Pod,
  PodSpec,
  Probe,
  Service,
  ServicePort,
  ServiceSpec,
} from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** `T` with the keys `K` present. */
type With<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };

/** SetDefaults_HTTPGetAction. */
export type DefaultedHTTPGetAction = With<HTTPGetAction, 'path' | 'scheme'>;

/** SetDefaults_Probe (timeout 1, period 10, success 1, failure 3); initialDelaySeconds is Go's 0. */
export type DefaultedProbe = Omit<
  With<
    Probe,
    | 'timeoutSeconds'
    | 'periodSeconds'
    | 'successThreshold'
    | 'failureThreshold'
    | 'initialDelaySeconds'
  >,
  'httpGet'
> & { httpGet?: DefaultedHTTPGetAction };

export type DefaultedLifecycleHandler = Omit<LifecycleHandler, 'httpGet'> & {
  httpGet?: DefaultedHTTPGetAction;
};

/** SetDefaults_ContainerPort. */
export type DefaultedContainerPort = With<ContainerPort, 'protocol'>;

/**
 * SetDefaults_Container: pull policy (from the image tag), termination message path and policy;
 * `image` is required by validation (ValidateContainers) and so present too.
 */
export type DefaultedContainer = Omit<
  With<
    Container,
    'image' | 'imagePullPolicy' | 'terminationMessagePath' | 'terminationMessagePolicy'
  >,
  'livenessProbe' | 'readinessProbe' | 'startupProbe' | 'lifecycle' | 'ports'
> & {
  livenessProbe?: DefaultedProbe;
  readinessProbe?: DefaultedProbe;
  startupProbe?: DefaultedProbe;
  lifecycle?: { postStart?: DefaultedLifecycleHandler; preStop?: DefaultedLifecycleHandler };
  ports?: DefaultedContainerPort[];
};

/** SetDefaults_PodSpec and SetDefaults_Pod (enableServiceLinks). */
export type DefaultedPodSpec = Omit<
  With<
    PodSpec,
    | 'restartPolicy'
    | 'terminationGracePeriodSeconds'
    | 'dnsPolicy'
    | 'schedulerName'
    | 'securityContext'
    | 'enableServiceLinks'
  >,
  'containers' | 'initContainers'
> & { containers: DefaultedContainer[]; initContainers?: DefaultedContainer[] };

/** Name required by validation; namespace defaulted to `default`. */
export type DefaultedObjectMeta = With<ObjectMeta, 'name' | 'namespace'>;

export type DefaultedPod = Omit<Pod, 'metadata' | 'spec'> & {
  metadata: DefaultedObjectMeta;
  spec: DefaultedPodSpec;
};

/** SetDefaults_Service: protocol TCP, targetPort = port. */
export type DefaultedServicePort = With<ServicePort, 'protocol' | 'targetPort'>;

export type DefaultedServiceSpec = Omit<With<ServiceSpec, 'type' | 'sessionAffinity'>, 'ports'> & {
  ports?: DefaultedServicePort[];
};

export type DefaultedService = Omit<Service, 'metadata' | 'spec'> & {
  metadata: DefaultedObjectMeta;
  spec: DefaultedServiceSpec;
};
