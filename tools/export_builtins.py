#!/usr/bin/env python3
"""Writes Runwire's own transformation exports (transformations/) from hetida's export data.

Facts carry over from hetida's exports: ids, names, categories, tags, io interfaces, workflow graphs, test
wirings, release timestamps. Prose and code do not: each component's `content` names the C# class that
implements it, and `description`/`documentation` are generated here.

Usage (from the repo root, after `dotnet build`):
    dotnet run --project services/runwire -- components > /tmp/components.jsonl
    python3 tools/export_builtins.py ../shared/hetida/transformations /tmp/components.jsonl transformations
"""
import json
import os
import random
import sys
import uuid

# Release timestamps of the `.py`-only components (their COMPONENT_INFO at hetida v0.9.8).
PY_ONLY_RELEASED = {
    "3de190af-3103-4462-b5ba-2f431494abe8": "2024-02-27T15:47:17.076850+00:00",
    "82024fd1-b1a0-409d-a337-1db4330aa268": "2023-11-23T16:20:56.654832+00:00",
    "47c145cb-acce-442e-9f57-31446172a49a": "2024-02-22T15:06:41.723524+00:00",
    "3cf8e12d-2fea-40d9-bc4b-015bddf66828": "2023-11-23T16:20:56.654831+00:00",
    "504a01aa-12a2-472b-995c-0676af66b07c": "2023-11-09T08:04:31.787859+00:00",
    "994e8607-5eaa-43b1-b057-73d8d14e90dd": "2023-11-09T07:44:10.808744+00:00",
    "a11c5089-de92-4197-8e40-1ce827e094b8": "2024-02-27T11:51:15.287045+00:00",
    "9b4ca94e-0e20-4341-bb23-abe73d33c7ab": "2023-11-08T15:09:29.370028+00:00",
}


def seeded_uuid(seed):
    """hetida derives io ids of `.py` components from seeded random numbers; reproduce them."""
    random.seed(seed)
    return str(uuid.UUID(int=random.getrandbits(128)))


def slug(name):
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")


def io_doc(inputs, outputs):
    lines = ["## Inputs", ""]
    for i in inputs:
        extra = ", optional" if i.get("type") == "OPTIONAL" else ""
        if i.get("type") == "OPTIONAL" and i.get("value") is not None:
            extra += f", default `{i['value']}`"
        lines.append(f"* **{i.get('name')}** ({i['data_type']}{extra})")
    if not inputs:
        lines.append("None.")
    lines += ["", "## Outputs", ""]
    lines += [f"* **{o.get('name')}** ({o['data_type']})" for o in outputs] or ["None."]
    return "\n".join(lines)


def component(trafo, impl):
    if impl is None:
        raise SystemExit(f"no C# implementation registered for {trafo['name']} ({trafo['id']})")
    io = trafo["io_interface"]
    if impl["supported"]:
        how = f"Runwire runs it with its C# implementation `{impl['class']}`."
        content = f"runwire:csharp:{impl['class']}"
        description = f"{trafo['category']} component, C# implementation"
    else:
        how = f"Runwire does not run it ({impl['reason']}); executing it fails with ComponentNotSupportedError."
        content = f"runwire:unsupported:{impl['reason']}"
        description = f"{trafo['category']} component, not supported by Runwire"
    out = dict(trafo)
    out["content"] = content
    out["description"] = description
    out["documentation"] = "\n\n".join([
        f"# {trafo['name']}",
        f"A component of the category {trafo['category']}, compatible with hetida designer's component of the same id. {how}",
        io_doc(io["inputs"], io["outputs"]),
    ]) + "\n"
    return out


def workflow(trafo):
    content = trafo["content"]
    out = dict(trafo)
    out["description"] = f"{trafo['category']} workflow in hetida designer's export format"
    ops = "\n".join(f"* {o['name']} ({o['type'].lower()} {o['transformation_id']})" for o in content["operators"])
    out["documentation"] = "\n\n".join([
        f"# {trafo['name']}",
        "A workflow in hetida designer's export format that Runwire runs as it is. Its operators:",
        ops,
        io_doc(content["inputs"], content["outputs"]),
    ]) + "\n"
    return out


def py_only(entry):
    inputs = []
    for i in entry["inputs"]:
        item = {"data_type": i["data_type"], "id": seeded_uuid("component_input_" + i["name"]), "name": i["name"], "type": i["type"]}
        if i["type"] == "OPTIONAL":
            item["value"] = json.dumps(i.get("default_value"))
        inputs.append(item)
    outputs = [{"data_type": o["data_type"], "id": seeded_uuid("component_output_" + o["name"]), "name": o["name"]} for o in entry["outputs"]]
    return {
        "category": entry["category"], "content": "", "description": "", "documentation": "", "id": entry["id"],
        "io_interface": {"inputs": inputs, "outputs": outputs}, "name": entry["name"],
        "released_timestamp": PY_ONLY_RELEASED[entry["id"]], "revision_group_id": entry["revision_group_id"],
        "state": entry["state"], "test_wiring": {"dashboard_positionings": [], "input_wirings": [], "output_wirings": []},
        "type": "COMPONENT", "version_tag": entry["version_tag"],
    }


def write(out_dir, rel, obj):
    path = os.path.join(out_dir, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(obj, f, indent=2, sort_keys=True)
        f.write("\n")


def main(hetida_dir, components_jsonl, out_dir):
    impls = {}
    with open(components_jsonl) as f:
        for line in f:
            if line.strip():
                c = json.loads(line)
                impls[c["id"]] = c
    index = json.load(open(os.path.join(hetida_dir, "index.json")))
    written = 0
    for entry in index["copied_json"]:
        trafo = json.load(open(os.path.join(hetida_dir, entry["path"])))
        out = component(trafo, impls.get(trafo["id"])) if trafo["type"] == "COMPONENT" else workflow(trafo)
        write(out_dir, entry["path"], out)
        written += 1
    for entry in index["py_only_not_copied"]:
        trafo = component(py_only(entry), impls.get(entry["id"]))
        path = os.path.join("components", slug(entry["category"]), f"{slug(entry['name'])}_{entry['version_tag'].replace('.', '')}_{entry['id']}.json")
        write(out_dir, path, trafo)
        written += 1
    print(f"wrote {written} transformations to {out_dir}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
