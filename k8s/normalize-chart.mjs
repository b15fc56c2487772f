// Copies a chart quarkus-helm generated (target/helm/kubernetes/<service>) as the same text for the
// same chart: like the manifests (normalize.mjs), its templates list labels, annotations and a
// container's environment in an order that changes from one build to the next. Templates are Go
// templates, not YAML, so their lines are sorted as text: the entries under labels:, matchLabels:,
// annotations: and env: (each entry with the lines indented under it). values.yaml is sorted as
// YAML, values.schema.json as JSON. The generated README and NOTES (about building with Quarkus) stay out.
// Usage: node normalize-chart.mjs <generated-chart-dir> <out-dir> <header-comment-line>...
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, stringify } from "yaml";

const [from, to, ...header] = process.argv.slice(2);
const comment = header.map((line) => `# ${line}\n`).join("");
const indent = (line) => line.length - line.trimStart().length;
const sorted = new Set(["labels:", "matchLabels:", "annotations:", "env:"]);

const sortTemplate = (text) => {
  const lines = text.split("\n");
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]);
    // the key may open a list item ("- env:"): its children are indented past the key itself
    const key = lines[i].trim().replace(/^- /, "");
    if (!sorted.has(key)) continue;
    const parent = indent(lines[i]) + (lines[i].trim().startsWith("- ") ? 2 : 0);
    let end = i + 1;
    while (end < lines.length && lines[end].trim() && indent(lines[end]) > parent) end++;
    const children = lines.slice(i + 1, end);
    if (children.length === 0) continue;
    const level = Math.min(...children.map(indent));
    const entries = [];
    for (const line of children) {
      // an entry starts at the children's own indentation; what is deeper belongs to it
      if (indent(line) === level) {
        entries.push([line]);
      } else {
        entries[entries.length - 1].push(line);
      }
    }
    entries.sort((a, b) => a[0].localeCompare(b[0]));
    out.push(...entries.flat());
    i = end - 1;
  }
  return out.join("\n");
};

const sortJson = (value) => Array.isArray(value) ? value.map(sortJson)
  : value && typeof value === "object"
    ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortJson(value[key])]))
    : value;

mkdirSync(join(to, "templates"), { recursive: true });
writeFileSync(join(to, "Chart.yaml"), comment + readFileSync(join(from, "Chart.yaml"), "utf8").replace(/^---\n/, ""));
writeFileSync(join(to, "values.yaml"), comment
  + stringify(parseDocument(readFileSync(join(from, "values.yaml"), "utf8")).toJSON(), { sortMapEntries: true, lineWidth: 0 }));
writeFileSync(join(to, "values.schema.json"),
  JSON.stringify(sortJson(JSON.parse(readFileSync(join(from, "values.schema.json"), "utf8"))), null, 2) + "\n");
for (const name of readdirSync(join(from, "templates")).filter((name) => name.endsWith(".yaml")).sort()) {
  writeFileSync(join(to, "templates", name), comment + sortTemplate(readFileSync(join(from, "templates", name), "utf8")).replace(/^---\n/, ""));
}
