// Checks rendered Kubernetes manifests offline (k8s/check.sh runs it):
//  - every object against the Kubernetes API schemas (npm kubernetes-models, and
//    @kubernetes-models/prometheus-operator for ServiceMonitor and PrometheusRule); the operators'
//    own kinds (CloudNativePG, Strimzi, MongoDB Community), which have no schema package, for the
//    fields their operators require;
//  - the Ingress against infra/routes.tsv: each public prefix to its owner, nothing else, no /internal;
//  - every pod (Deployments, StatefulSets, Jobs) meets the restricted Pod Security Standard and mounts
//    only volumes it declares, each declared once; a migration Job runs its service's image;
//  - no Role grants Secrets, and no RoleBinding binds a cluster role but view (ConfigMaps);
//  - alert rules and dashboards: every metric they name is one the services export.
//
// Usage: node validate.mjs --routes infra/routes.tsv --sources <repo root> <rendered.yaml>...
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  if (at < 0) throw new Error(`missing ${name}`);
  const value = args[at + 1];
  args.splice(at, 2);
  return value;
};
const routesFile = option("--routes");
const sourcesRoot = option("--sources");
const renderedFiles = args;

const problems = [];
const problem = (where, what) => problems.push(`${where}: ${what}`);

// --- schemas -------------------------------------------------------------------------------
const modelModules = {
  "v1": "kubernetes-models/v1",
  "apps/v1": "kubernetes-models/apps/v1",
  "batch/v1": "kubernetes-models/batch/v1",
  "policy/v1": "kubernetes-models/policy/v1",
  "autoscaling/v2": "kubernetes-models/autoscaling/v2",
  "networking.k8s.io/v1": "kubernetes-models/networking.k8s.io/v1",
  "rbac.authorization.k8s.io/v1": "kubernetes-models/rbac.authorization.k8s.io/v1",
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};
// what each operator refuses a resource without (their CRDs' required fields)
const operatorKinds = {
  "postgresql.cnpg.io/v1/Cluster": ["spec.instances", "spec.storage.size"],
  "postgresql.cnpg.io/v1/Database": ["spec.cluster.name", "spec.name", "spec.owner"],
  "kafka.strimzi.io/v1beta2/Kafka": ["spec.kafka.listeners"],
  "kafka.strimzi.io/v1beta2/KafkaNodePool": ["spec.replicas", "spec.roles", "spec.storage.type"],
  "kafka.strimzi.io/v1beta2/KafkaTopic": ["metadata.labels.strimzi.io/cluster", "spec.partitions", "spec.replicas"],
  "mongodbcommunity.mongodb.com/v1/MongoDBCommunity": ["spec.members", "spec.type", "spec.version", "spec.security.authentication.modes"],
};
const field = (object, path) => {
  // a label key such as strimzi.io/cluster is one step
  const labels = path.match(/^metadata\.labels\.(.+)$/);
  if (labels) return object.metadata?.labels?.[labels[1]];
  return path.split(".").reduce((value, key) => (value == null ? undefined : value[key]), object);
};

const objects = [];
for (const file of renderedFiles) {
  for (const document of parseAllDocuments(readFileSync(file, "utf8"))) {
    if (document.errors.length) {
      problem(file, `not YAML: ${document.errors[0].message}`);
      continue;
    }
    const object = document.toJSON();
    if (object) objects.push({ file, object });
  }
}
if (objects.length === 0) problem("rendered", "no objects");

for (const { file, object } of objects) {
  const where = `${file} ${object.kind}/${object.metadata?.name}`;
  if (!object.apiVersion || !object.kind || !object.metadata?.name) {
    problem(where, "needs apiVersion, kind and metadata.name");
    continue;
  }
  const module = modelModules[object.apiVersion];
  if (module) {
    let models;
    try {
      models = await import(module);
    } catch (e) {
      problem(where, `no schema module ${module}: ${e.message}`);
      continue;
    }
    const Model = models[object.kind];
    if (!Model) {
      problem(where, `${object.apiVersion} has no kind ${object.kind}`);
      continue;
    }
    try {
      new Model(object).validate();
    } catch (e) {
      problem(where, e.message.split("\n").slice(0, 4).join(" | "));
    }
    continue;
  }
  const required = operatorKinds[`${object.apiVersion}/${object.kind}`];
  if (!required) {
    problem(where, `unknown kind ${object.apiVersion} ${object.kind}: add its schema or its operator's required fields here`);
    continue;
  }
  for (const path of required) {
    if (field(object, path) === undefined) problem(where, `missing ${path}`);
  }
}

// --- pods: the restricted Pod Security Standard, volumes ------------------------------------
for (const { object } of objects.filter(({ object }) => ["Deployment", "StatefulSet", "Job"].includes(object.kind))) {
  const where = `${object.kind}/${object.metadata.name}`;
  const pod = object.spec?.template?.spec ?? {};
  const podSeccomp = pod.securityContext?.seccompProfile?.type;
  // a StatefulSet's claims are volumes of its pods too
  const volumes = [...(pod.volumes ?? []), ...(object.spec?.volumeClaimTemplates ?? []).map((claim) => claim.metadata)]
    .map((volume) => volume.name);
  if (new Set(volumes).size !== volumes.length) problem(where, `declares a volume twice: ${volumes.join(", ")}`);
  for (const container of [...(pod.initContainers ?? []), ...(pod.containers ?? [])]) {
    const at = `${where} container ${container.name}`;
    const context = container.securityContext ?? {};
    if (context.allowPrivilegeEscalation !== false) problem(at, "may escalate privileges");
    if (!(context.capabilities?.drop ?? []).includes("ALL")) problem(at, "keeps its capabilities (drop ALL)");
    if ((context.runAsNonRoot ?? pod.securityContext?.runAsNonRoot) !== true) problem(at, "may run as root");
    if (!["RuntimeDefault", "Localhost"].includes(context.seccompProfile?.type ?? podSeccomp)) problem(at, "has no seccomp profile");
    for (const mount of container.volumeMounts ?? []) {
      if (!volumes.includes(mount.name)) problem(at, `mounts ${mount.name}, which the pod does not declare`);
    }
  }
}

// a service's migration Job runs the service's own image (its partial manifest names it by hand)
for (const { object } of objects.filter(({ object }) => object.kind === "Job" && object.metadata.name.endsWith("-flyway-init"))) {
  const service = object.metadata.name.replace(/-flyway-init$/, "");
  const deployment = objects.find(({ object: other }) => other.kind === "Deployment" && other.metadata.name === service)?.object;
  const image = (workload) => workload?.spec?.template?.spec?.containers?.[0]?.image;
  if (!deployment) problem(`Job/${object.metadata.name}`, `migrates for ${service}, which no Deployment is`);
  else if (image(object) !== image(deployment)) problem(`Job/${object.metadata.name}`, `runs ${image(object)}, not its service's ${image(deployment)}`);
}

// --- rights: no pod may read Secrets through the API (they reach it as environment variables) ---
for (const { object } of objects.filter(({ object }) => ["Role", "ClusterRole"].includes(object.kind))) {
  for (const rule of object.rules ?? []) {
    if ((rule.resources ?? []).some((resource) => resource === "secrets" || resource === "*")) {
      problem(`${object.kind}/${object.metadata.name}`, "grants access to Secrets");
    }
  }
}
const grantable = new Set(["view"]);
for (const { object } of objects.filter(({ object }) => object.kind === "RoleBinding" && object.roleRef?.kind === "ClusterRole")) {
  if (!grantable.has(object.roleRef.name)) problem(`RoleBinding/${object.metadata.name}`, `binds the cluster role ${object.roleRef.name}`);
}

// --- the Ingress and the route table ---------------------------------------------------------
const routes = readFileSync(routesFile, "utf8").split("\n")
  .filter((line) => line.trim() && !line.startsWith("#"))
  .map((line) => line.split("\t"))
  .map(([prefix, service, port, kind]) => ({ prefix, service, port, kind }));
const ingressPaths = [];
for (const { object } of objects.filter(({ object }) => object.kind === "Ingress")) {
  if (!object.spec?.tls?.length) problem(`Ingress/${object.metadata.name}`, "serves no TLS");
  if (!object.metadata.annotations?.["nginx.ingress.kubernetes.io/limit-rps"]) {
    problem(`Ingress/${object.metadata.name}`, "has no rate limit");
  }
  if (!object.metadata.annotations?.["nginx.ingress.kubernetes.io/proxy-body-size"]) {
    problem(`Ingress/${object.metadata.name}`, "has no body size limit");
  }
  for (const rule of object.spec?.rules ?? []) {
    for (const path of rule.http?.paths ?? []) {
      ingressPaths.push({ path: path.path, service: path.backend?.service?.name, ingress: object.metadata.name });
    }
  }
}
for (const route of routes) {
  const found = ingressPaths.filter((path) => path.path === route.prefix);
  if (found.length === 0) problem("Ingress", `${route.prefix} (${route.service}) is not routed`);
  for (const path of found) {
    if (path.service !== route.service) problem("Ingress", `${route.prefix} goes to ${path.service}, not its owner ${route.service}`);
  }
}
for (const path of ingressPaths) {
  if (!routes.some((route) => route.prefix === path.path)) problem("Ingress", `${path.path} is routed but not in infra/routes.tsv`);
  if (path.path.includes("/internal")) problem("Ingress", `${path.path} opens an /internal path to the outside`);
}
const services = new Set(objects.filter(({ object }) => object.kind === "Service").map(({ object }) => object.metadata.name));
for (const path of ingressPaths) {
  if (!services.has(path.service)) problem("Ingress", `${path.path} goes to ${path.service}, which no Service is`);
}

// --- metric names ------------------------------------------------------------------------------
const exported = new Set();
const walk = (dir) => {
  for (const entry of readdirSync(dir)) {
    if (entry === "target" || entry === "node_modules" || entry.startsWith(".")) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith(".java") && path.includes(`${join("src", "main")}`)) {
      const source = readFileSync(path, "utf8");
      const name = (text) => text.replaceAll(".", "_").replaceAll("-", "_");
      for (const m of source.matchAll(/(?:counter|Counter\.builder)\("(mall\.[a-z0-9._-]+)"/g)) exported.add(`${name(m[1])}_total`);
      for (const m of source.matchAll(/(?:timer|Timer\.builder)\("(mall\.[a-z0-9._-]+)"/g)) {
        for (const suffix of ["_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket"]) exported.add(`${name(m[1])}${suffix}`);
      }
      for (const m of source.matchAll(/Gauge\.builder\("(mall\.[a-z0-9._-]+)"([^;]*);/gs)) {
        const unit = m[2].match(/\.baseUnit\("(\w+)"\)/);
        exported.add(unit ? `${name(m[1])}_${unit[1]}` : name(m[1]));
      }
      for (const m of source.matchAll(/\.gauge\("(mall\.[a-z0-9._-]+)"/g)) exported.add(name(m[1]));
    }
  }
};
walk(join(sourcesRoot, "services"));
walk(join(sourcesRoot, "libs"));
// what Quarkus's Micrometer binders export in every service (HTTP server, JVM, Kafka clients)
const framework = [/^http_server_requests_seconds_(count|sum|max|bucket)$/, /^jvm_/, /^process_/, /^kafka_consumer_/, /^kafka_producer_/];
const promqlMetrics = (expression) => {
  const names = new Set();
  const stripped = expression.replace(/\{[^}]*\}/g, "").replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  for (const m of stripped.matchAll(/[a-zA-Z_:][a-zA-Z0-9_:]*/g)) {
    if (/_(total|bytes|seconds_(count|sum|max|bucket)|up|max)$|^(jvm|process|kafka|http)_/.test(m[0])) names.add(m[0]);
  }
  return names;
};
const checkExpression = (where, expression) => {
  for (const metric of promqlMetrics(expression)) {
    if (!exported.has(metric) && !framework.some((pattern) => pattern.test(metric))) {
      problem(where, `names ${metric}, which no service exports`);
    }
  }
};
for (const { object } of objects.filter(({ object }) => object.kind === "PrometheusRule")) {
  for (const group of object.spec.groups) {
    for (const rule of group.rules) {
      checkExpression(`PrometheusRule/${object.metadata.name} ${rule.alert ?? rule.record}`, rule.expr);
      if (rule.alert && !rule.annotations?.runbook) problem(`alert ${rule.alert}`, "names no runbook");
    }
  }
}
for (const { object } of objects.filter(({ object }) => object.kind === "ConfigMap" && object.metadata.labels?.grafana_dashboard)) {
  for (const [name, text] of Object.entries(object.data ?? {})) {
    let dashboard;
    try {
      dashboard = JSON.parse(text);
    } catch (e) {
      problem(`dashboard ${name}`, `not JSON: ${e.message}`);
      continue;
    }
    if (!dashboard.uid || !dashboard.title || !Array.isArray(dashboard.panels)) problem(`dashboard ${name}`, "needs uid, title and panels");
    for (const panel of dashboard.panels ?? []) {
      for (const target of panel.targets ?? []) checkExpression(`dashboard ${name} "${panel.title}"`, target.expr);
    }
  }
}

if (problems.length) {
  console.error(problems.map((p) => `  ${p}`).join("\n"));
  console.error(`k8s: ${problems.length} problem(s) in ${objects.length} objects`);
  process.exit(1);
}
console.log(`k8s: ${objects.length} objects valid; the Ingress routes exactly infra/routes.tsv; `
  + `alerts and dashboards name only exported metrics (${exported.size} of the services' own)`);
