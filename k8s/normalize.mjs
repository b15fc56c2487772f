// Writes YAML documents with every mapping's keys in order, so that the same objects are the same
// text: quarkus-kubernetes does not always write labels in the same order from one build to the next.
// Usage: node normalize.mjs <in.yaml> <out.yaml> [header-comment-line...]
import { readFileSync, writeFileSync } from "node:fs";
import { parseAllDocuments, stringify } from "yaml";

const [input, output, ...header] = process.argv.slice(2);
// and the documents in order of kind and name, for the same reason
const key = (object) => `${object.kind}/${object.metadata?.name}`;
// and a container's environment by name: the build writes it from a map, in no fixed order
const sortEnvironments = (value) => {
  if (Array.isArray(value)) return value.map(sortEnvironments);
  if (value && typeof value === "object") {
    for (const [name, child] of Object.entries(value)) {
      value[name] = name === "env" && Array.isArray(child)
        ? [...child].sort((a, b) => String(a.name).localeCompare(String(b.name))).map(sortEnvironments)
        : sortEnvironments(child);
    }
  }
  return value;
};
const documents = parseAllDocuments(readFileSync(input, "utf8")).map((document) => document.toJSON()).filter(Boolean)
  .map(sortEnvironments)
  .sort((a, b) => key(a).localeCompare(key(b)));
const text = documents.map((object) => "---\n" + stringify(object, { sortMapEntries: true, lineWidth: 0 })).join("");
writeFileSync(output, header.map((line) => `# ${line}\n`).join("") + text);
