/** The usage text printed for `podsim --help` and on usage errors (exit 2). */
export const USAGE = `Usage: podsim COMMAND [options]

Simulate a Kubernetes Pod scenario (YAML) and print what kubectl would show.

Commands:
  run FILE [--until 10m] [--json]             kubectl get pods -w rows with a time column, or the JSON run
  get pods [NAME] FILE [--at 45s] [-o wide|yaml]
                                              kubectl get pods at a simulated time
  get nodes FILE [--at 45s] [-o wide]         kubectl get nodes
  get pdb FILE [--at 45s] [-n NS|-A]          kubectl get poddisruptionbudgets
  get deployments|replicasets|jobs|statefulsets|daemonsets FILE [--at 45s]
                                              kubectl get of the workloads
  get endpointslices FILE [--at 45s] [-o wide]
                                              kubectl get endpointslices (-o wide adds endpoint conditions)
  get endpoints FILE [--at 45s]               kubectl get endpoints (legacy: ready addresses only)
  describe pod NAME FILE [--at 45s]           kubectl describe pod
  describe node NAME FILE [--at 45s]          kubectl describe node
  describe pdb NAME FILE [--at 45s]           kubectl describe poddisruptionbudget
  describe deployment|job NAME FILE [--at 45s]
                                              kubectl describe deployment, kubectl describe job
  rollout status deployment|statefulset|daemonset/NAME FILE [--at 45s]
                                              kubectl rollout status (exit 1 past a progress deadline)
  logs POD [-c CONTAINER] [--previous] FILE [--at 45s]
                                              kubectl logs
  link FILE [--at 45s]                        print the share-link fragment (#s=1.…)
  export kubectl FILE                         the page's Export: a kubectl script replaying the scenario

FILE is a path, "-" for standard input, or a share link (#s=1.… or a full URL).
Times accept Go durations (45s, 1m30s) or plain seconds, at most 24h. --at defaults to the end of the run.

Options of every command that simulates:
  --max-wall SECONDS   stop the simulation after this much wall time (default 8, as the page)
  --kubernetes-version 1.29 … 1.36
                       follow that release (feature gates, validation, kubelet); overrides the
                       Scenario's spec.kubernetesVersion (default 1.36)
  -n, --namespace NS   the namespace of the named pod or of the list (default "default"); run shows
                       every namespace unless -n is given
  -A, --all-namespaces list every namespace, with a NAMESPACE column (get, run)

Exit status: 0 success, 1 invalid scenario or object not found, 2 usage error,
3 the run stopped before its end (--max-wall, or more events than the engine allows): the output and
"simulation stopped at t=…" on stderr cover the simulated time it reached.
`;

export class UsageError extends Error {}
