/**
 * The runtime interface: where the kubelet model (app/sim/machines, prober) meets the model of
 * what runs inside containers (images, processes, shell, files, ports, memory). DESIGN.md §2.3.
 *
 * The engine never looks inside a process: it creates containers, starts them, signals them, execs
 * in them and asks their sandbox for HTTP/TCP/gRPC answers. The runtime calls back on exit and log.
 * All times are simulated milliseconds from the Scheduler; nothing here reads a wall clock.
 */
import type { Scheduler, Ms } from '../clock/types.ts';
import type { ConfigMap, Container, Pod, Secret, FieldRef } from '../../k8s/types.ts';

export type Signal = 'SIGTERM' | 'SIGKILL' | 'SIGQUIT' | 'SIGINT' | 'SIGHUP' | 'SIGUSR1';

export interface RuntimeDiagnostic {
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** The YAML field the diagnostic is about (e.g. the command line the interpreter cannot model). */
  field?: FieldRef;
}

// ---------------------------------------------------------------------------------------------
// Images

export type ImageLookup =
  | {
      found: true;
      /** Normalised reference, e.g. `docker.io/library/nginx:latest`. */
      ref: string;
      /** How long a pull takes when the image is not present. */
      pullMs: Ms;
      sizeBytes: number;
      /** Whether the node has it cached at t = 0 (IfNotPresent then skips the pull). */
      presentOnNode: boolean;
    }
  | {
      found: false;
      ref: string;
      /** How long the failing registry lookup takes (~1 s). */
      pullMs: Ms;
      /** Registry wording, e.g. `rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:doesnotexist": ... not found`. */
      message: string;
      /** ErrImagePull (default), InvalidImageName, RegistryUnavailable. */
      reason?: string;
    };

// ---------------------------------------------------------------------------------------------
// Network

export interface HttpRequest {
  /** Pod IP, Service ClusterIP / DNS name, `localhost` or `127.0.0.1`. */
  host: string;
  port: number;
  path: string;
  scheme?: 'HTTP' | 'HTTPS';
  headers?: Record<string, string>;
  timeoutMs?: Ms;
}

export type HttpResult =
  | { ok: true; status: number; body: string; headers?: Record<string, string>; location?: string }
  /**
   * Transport failure as Go's net package prints it, address included: `dial tcp IP:PORT: connect:
   * connection refused`, `dial tcp: lookup NAME: no such host`; the caller adds its own prefix.
   */
  | { ok: false; error: string; timeout?: boolean };

export type TcpResult = { ok: true } | { ok: false; error: string; timeout?: boolean };

export type GrpcResult =
  | { ok: true; status: 'SERVING' | 'NOT_SERVING' | 'UNKNOWN' | 'SERVICE_UNKNOWN' }
  /** `connecting`: the channel never became READY (refused, or not a gRPC server). */
  | { ok: false; error: string; timeout?: boolean; connecting?: boolean };

/** What a pod sees of the cluster network; implemented by app/sim/cluster. */
export interface ClusterNetwork {
  /** DNS as seen from a pod of `namespace`: A records, or undefined for NXDOMAIN. */
  resolve(name: string, namespace: string): string[] | undefined;
  /** HTTP to any cluster IP (pod or Service, which picks a ready endpoint — pod-level R9.5). */
  httpGet(req: HttpRequest): HttpResult;
  tcpConnect(host: string, port: number, timeoutMs?: Ms): TcpResult;
}

// ---------------------------------------------------------------------------------------------
// Sandbox and containers

export interface SandboxContext {
  scheduler: Scheduler;
  network: ClusterNetwork;
  /** The defaulted pod. */
  pod: Pod;
  /** Document index of the pod in the scenario, for FieldRefs. */
  doc: number;
  podIP: string;
  hostIP: string;
  nodeName: string;
  /** Objects the pod may reference (env valueFrom, volumes). Looked up at container creation. */
  lookup: {
    configMap(namespace: string, name: string): ConfigMap | undefined;
    secret(namespace: string, name: string): Secret | undefined;
  };
  diagnostic(d: RuntimeDiagnostic): void;
  /**
   * Optional: the Docker-link style variables of the Services visible to the pod when it starts
   * (`MYSERVICE_SERVICE_HOST`, `MYSERVICE_PORT_80_TCP`, ...), as the kubelet injects them unless
   * `enableServiceLinks: false`. Without it only the `kubernetes` Service's variables are set.
   */
  serviceEnv?(): Record<string, string>;
  /** The pause process exited from inside the pod (`kill 1` in a shared PID namespace). */
  onPauseExit?(): void;
}

export interface ContainerCallbacks {
  /**
   * The main process ended. `reason` as the runtime reports it: Completed (0), Error, OOMKilled
   * (137), StartError (128: the entrypoint could not be executed).
   */
  onExit(exitCode: number, reason: string, message?: string): void;
  onLog(stream: 'stdout' | 'stderr', line: string): void;
}

export type CreateContainerResult =
  | { ok: true; container: ContainerProcess }
  /** CreateContainerConfigError (missing ConfigMap/Secret key), CreateContainerError, ... */
  | {
      ok: false;
      reason: string;
      message: string;
      /**
       * Set when the real kubelet would not get as far as CreateContainer: a volume cannot be set up
       * (missing ConfigMap/Secret). It emits a FailedMount Warning event with this message and the
       * container stays Waiting/ContainerCreating (PodInitializing with init containers).
       */
      failedMount?: { volume: string; message: string };
    };

export interface ExecResult {
  exitCode: number;
  /** Combined stdout+stderr. */
  output: string;
  /** Ran past opts.timeoutMs: the kubelet counts it as a failure (`command timed out`). */
  timedOut?: boolean;
  /**
   * The runtime could not start the command at all (binary not in the image, container not
   * running): an exec error rather than an exit status. `output` holds the runtime's message.
   */
  startError?: boolean;
}

export interface ExecHandle {
  /** Abandon the command (hook cut off by the grace period, container died). */
  cancel(): void;
}

export interface ContainerProcess {
  /** Start the entrypoint now (StartContainer). Exits are reported through ContainerCallbacks.onExit. */
  start(): void;
  /** Deliver a signal to PID 1. SIGKILL always ends it (137); SIGTERM only if the process handles it. */
  signal(sig: Signal): void;
  /**
   * Run a command in the container (exec probe, exec hook, `kubectl exec`). `done` is called once,
   * possibly synchronously before exec returns when the command takes no simulated time.
   */
  exec(
    argv: string[],
    opts: { timeoutMs?: Ms; field?: FieldRef },
    done: (r: ExecResult) => void,
  ): ExecHandle;
  /**
   * Optional: make the main process exit now with `code`, as if the app called exit(code) (a
   * scenario's `kill: { exitCode }`). Every process of the container ends; onExit then reports
   * `code & 255` with reason Completed (0) or Error, through the same zero-delay timer as any exit.
   * Ignored when the container is not running.
   */
  exit?(code: number): void;
  /** Current memory usage in bytes (for describe/metrics). */
  memoryBytes(): number;
  readonly running: boolean;
  /** The image's STOPSIGNAL (nginx: SIGQUIT), used by StopContainer. */
  readonly stopSignal: Signal;
}

export interface PodSandbox {
  readonly podIP: string;
  /**
   * Prepare a container instance (CreateContainer): resolve command/args over the image, env with
   * valueFrom, volume mounts. `index` is its index in spec.initContainers / spec.containers.
   */
  createContainer(
    spec: Container,
    where: {
      kind: 'init' | 'regular' | 'ephemeral';
      index: number;
      /** An ephemeral container's target (targetContainerName): it joins its PID namespace. */
      target?: ContainerProcess;
    },
    callbacks: ContainerCallbacks,
  ): CreateContainerResult;
  /** HTTP from the kubelet to this pod (probes, httpGet hooks). host defaults to the pod IP. */
  httpGet(req: HttpRequest): HttpResult;
  tcpConnect(port: number, timeoutMs?: Ms): TcpResult;
  grpcCheck(port: number, service: string | undefined, timeoutMs?: Ms): GrpcResult;
  /** Tear down (StopPodSandbox): every process is gone, ports closed. */
  destroy(): void;
  /** The pod object was updated (labels, annotations): downward API volumes follow. */
  updatePod?(pod: Pod): void;
  /** The pause process was killed (in a shared PID namespace, every process dies with it). */
  pauseDied?(): void;
}

export interface RuntimeModel {
  inspectImage(image: string): ImageLookup;
  createSandbox(ctx: SandboxContext): PodSandbox;
}

export type { Scheduler, Ms };
