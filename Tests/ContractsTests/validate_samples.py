#!/usr/bin/env python3
"""Check Contracts samples against docs/asyncapi.yaml with a real JSON Schema validator.

Input: JSON Lines as `dmctl contracts samples` prints them, one message a line:
    {"name": "system.ping", "kind": "command", "schemaVersion": 1, "frame": "system.ping", "message": {...}}
Only "name" and "message" are required; "kind", "schemaVersion" and "frame" are checked when present.

For every line the message is looked up by its `name` in the document's components.messages and the sample is
validated against that message's `payload` schema (JSON Schema draft 07, the AsyncAPI default schema format), with
`$ref`s resolved inside the document. The document is checked too: every message has a payload, x-dm-kind,
x-dm-schema-version and examples that validate, and every event, command and result is reachable from a channel.

    validate_samples.py [--document PATH] [--complete] [--expect-invalid] [SAMPLES.jsonl | -]

--complete        the input is the whole catalog: every event, command and result message of the document must
                  have a sample, and each sample must equal one of its message's examples.
--expect-invalid  every sample is deliberately broken: exit 0 only if each one fails validation (proves the
                  schemas can reject).

Exit status: 0 when everything holds, 1 with one line per problem (naming the message) on standard error, 2 for
unusable input. Needs Python 3 with the `jsonschema` and `yaml` (PyYAML) modules.
"""

import argparse
import json
import pathlib
import sys

import jsonschema
import yaml

DOCUMENT_URI = "urn:dm-contracts:asyncapi"
CATALOG_KINDS = ("event", "command", "result")


def make_validator_factory(document):
    """Returns a function that builds a draft 07 validator for the schema at a JSON pointer in the document."""
    validator_class = jsonschema.Draft7Validator
    format_checker = jsonschema.FormatChecker()
    try:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT7

        registry = Registry().with_resource(DOCUMENT_URI, Resource(contents=document, specification=DRAFT7))

        def factory(pointer):
            return validator_class(
                {"$ref": DOCUMENT_URI + "#" + pointer}, registry=registry, format_checker=format_checker)

    except ImportError:
        # jsonschema before 4.18 (Debian 12 ships 4.10) resolves references with RefResolver.
        resolver = jsonschema.RefResolver(base_uri=DOCUMENT_URI, referrer=document)

        def factory(pointer):
            return validator_class({"$ref": "#" + pointer}, resolver=resolver, format_checker=format_checker)

    return factory


def describe(error):
    """One line for a validation error: where in the instance, and what is wrong.

    For a oneOf/anyOf failure it reports from the alternative the instance was most likely meant to be: one whose
    discriminating constant (such as a result's `ok`) matches, and there the deepest error.
    """
    while error.context:
        branches = {}
        for sub in error.context:
            branches.setdefault(sub.schema_path[0] if sub.schema_path else None, []).append(sub)

        def discriminated(errors):
            return any(e.validator == "const" and len(e.relative_path) == 1 for e in errors)

        candidates = [errors for errors in branches.values() if not discriminated(errors)] or list(branches.values())
        chosen = min(candidates, key=len)
        error = max(chosen, key=lambda e: len(e.absolute_path))
    location = "/" + "/".join(str(part) for part in error.absolute_path)
    return "at %s: %s" % (location, error.message)


def first_error(validator, instance):
    """The description of the deepest validation error, or None when `instance` is valid."""
    errors = list(validator.iter_errors(instance))
    return describe(max(errors, key=lambda e: len(e.absolute_path))) if errors else None


def index_messages(document, problems):
    """Maps each message's `name` to its key in components.messages, checking each message's own parts."""
    messages = ((document.get("components") or {}).get("messages")) or {}
    by_name = {}
    for key, message in messages.items():
        name = message.get("name")
        if not name:
            problems.append("components.messages.%s: no name" % key)
            continue
        if name in by_name:
            problems.append("%s: named by two messages (%s, %s)" % (name, by_name[name], key))
            continue
        by_name[name] = key
        for member in ("payload", "x-dm-kind", "x-dm-schema-version", "examples"):
            if member not in message:
                problems.append("%s: its message in the document has no %s" % (name, member))
    return by_name


def channel_message_keys(document):
    """The components.messages keys that some channel lists."""
    keys = set()
    for channel in (document.get("channels") or {}).values():
        for reference in ((channel or {}).get("messages") or {}).values():
            target = (reference or {}).get("$ref", "")
            prefix = "#/components/messages/"
            if target.startswith(prefix):
                keys.add(target[len(prefix):])
    return keys


def check_document(document, by_name, validator_for, problems):
    if not str(document.get("asyncapi", "")).startswith("3."):
        problems.append("document: asyncapi is %r, expected 3.x" % document.get("asyncapi"))
    listed = channel_message_keys(document)
    messages = document["components"]["messages"]
    for name, key in by_name.items():
        message = messages[key]
        if message.get("x-dm-kind") in CATALOG_KINDS and key not in listed:
            problems.append("%s: no channel lists its message" % name)
        if "payload" not in message:
            continue
        validator = validator_for("/components/messages/%s/payload" % key)
        for number, example in enumerate(message.get("examples") or [], start=1):
            if "payload" not in example:
                problems.append("%s: example %d has no payload" % (name, number))
                continue
            error = first_error(validator, example["payload"])
            if error:
                problems.append("%s: example %d does not validate against its payload schema %s"
                                % (name, number, error))


def read_samples(stream):
    samples = []
    for number, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            sample = json.loads(line)
        except ValueError as error:
            raise SystemExit("validate_samples: line %d is not JSON: %s" % (number, error))
        if not isinstance(sample, dict) or "name" not in sample or "message" not in sample:
            raise SystemExit("validate_samples: line %d has no name and message" % number)
        samples.append(sample)
    return samples


def main(argv):
    parser = argparse.ArgumentParser(description="Validate Contracts samples against the AsyncAPI document.")
    parser.add_argument("samples", nargs="?", default="-", help="JSON Lines file; standard input when '-'")
    parser.add_argument("--document", default=str(pathlib.Path(__file__).resolve().parents[2] / "docs" / "asyncapi.yaml"))
    parser.add_argument("--complete", action="store_true", help="the input is the whole catalog")
    parser.add_argument("--expect-invalid", action="store_true", help="every sample must fail validation")
    arguments = parser.parse_args(argv)

    try:
        with open(arguments.document, encoding="utf-8") as file:
            document = yaml.safe_load(file)
    except (OSError, yaml.YAMLError) as error:
        print("validate_samples: cannot read %s: %s" % (arguments.document, error), file=sys.stderr)
        return 2
    if arguments.samples == "-":
        samples = read_samples(sys.stdin)
    else:
        with open(arguments.samples, encoding="utf-8") as file:
            samples = read_samples(file)
    if not samples:
        print("validate_samples: no samples in the input", file=sys.stderr)
        return 2

    problems = []
    by_name = index_messages(document, problems)
    validator_for = make_validator_factory(document)
    check_document(document, by_name, validator_for, problems)
    messages = document.get("components", {}).get("messages", {})

    seen = set()
    checked = 0
    for sample in samples:
        name = sample["name"]
        key = by_name.get(name)
        if key is None:
            problems.append("%s: no message of this name in %s" % (name, arguments.document))
            continue
        seen.add(name)
        message = messages[key]
        for field, member in (("kind", "x-dm-kind"), ("schemaVersion", "x-dm-schema-version"), ("frame", "x-dm-frame")):
            if field in sample and member in message and sample[field] != message[member]:
                problems.append("%s: %s is %r in the code but %s is %r in the document"
                                % (name, field, sample[field], member, message[member]))
        if "payload" not in message:
            continue
        error = first_error(validator_for("/components/messages/%s/payload" % key), sample["message"])
        checked += 1
        if arguments.expect_invalid:
            if error is None:
                problems.append("%s: a deliberately broken sample validates; its schema does not catch it: %s"
                                % (name, json.dumps(sample["message"], sort_keys=True)))
        elif error:
            problems.append("%s: sample does not validate against its payload schema %s" % (name, error))
        elif arguments.complete:
            examples = [example.get("payload") for example in message.get("examples") or []]
            if sample["message"] not in examples:
                problems.append("%s: no example in the document equals the code's sample %s"
                                % (name, json.dumps(sample["message"], sort_keys=True)))

    if arguments.complete:
        for name, key in sorted(by_name.items()):
            if messages[key].get("x-dm-kind") in CATALOG_KINDS and name not in seen:
                problems.append("%s: in the document but not in the code's catalog" % name)

    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    verdict = "rejected as expected" if arguments.expect_invalid else "valid"
    print("%d sample(s) %s against %s (jsonschema %s, draft 07)"
          % (checked, verdict, arguments.document, jsonschema_version()))
    return 0


def jsonschema_version():
    try:
        from importlib.metadata import version
        return version("jsonschema")
    except Exception:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
