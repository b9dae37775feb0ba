#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the repository's own files.

    fuzz/make_seeds.py OUT_DIR [BUNDLE_FILE...]

OUT_DIR/<target>/ gets one file per seed (named by content hash, so running it
again is idempotent). Sources:

  fuzz_ruleset     rules/*/ruleset.json, fuzz/seeds/ruleset/*
  fuzz_bundle      the given signed bundles (build/*/bundles/*.dsse.json),
                   an envelope made here around every ruleset (development
                   key id, a zero signature: the target does not check
                   Ed25519), the rulesets themselves (the target also wraps
                   its input as a payload), rules/keys/*trust-root*.json,
                   fuzz/seeds/bundle/*
  fuzz_expression  every expression of the CertLogic suites
                   (tests/conformance/certlogic) with each assertion's data;
                   every expression of the rulesets (tests, amounts, askIf)
                   with the answers of their case files as data;
                   fuzz/seeds/expression/*
  fuzz_answers     "date\\nanswers" of every case in rules/*/cases, the demo
                   answers, whole case files, fuzz/seeds/answers/*
"""
import base64
import glob
import hashlib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PAYLOAD_TYPE = "application/vnd.wegwijzer.ruleset+json"
DEV_KEYID = "efeb5ce2a600a7362c449927cb34329d"


def write(out, target, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    d = os.path.join(out, target)
    os.makedirs(d, exist_ok=True)
    name = hashlib.sha1(data).hexdigest()
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def read(path):
    with open(path, "rb") as f:
        return f.read()


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def expressions_of(ruleset):
    """Every expression in a ruleset document: askIf, tests, amount values."""
    out = []
    for q in ruleset.get("questions", []) if isinstance(ruleset, dict) else []:
        if isinstance(q, dict) and "askIf" in q:
            out.append(q["askIf"])
    for r in ruleset.get("results", []) if isinstance(ruleset, dict) else []:
        for v in r.get("versions", []) if isinstance(r, dict) else []:
            if not isinstance(v, dict):
                continue
            for c in v.get("criteria", []):
                if isinstance(c, dict) and "test" in c:
                    out.append(c["test"])
            for a in v.get("amounts", []):
                if isinstance(a, dict) and "value" in a:
                    out.append(a["value"])
    return out


def cases_of(path):
    doc = load_json(path)
    if isinstance(doc, dict) and isinstance(doc.get("cases"), list):
        return [c for c in doc["cases"] if isinstance(c, dict)]
    if isinstance(doc, dict):
        return [doc]
    return []


def envelope(payload, signatures):
    return (
        '{\n  "payloadType": %s,\n  "payload": "%s",\n  "signatures": [%s\n  ]\n}\n'
        % (
            json.dumps(PAYLOAD_TYPE),
            base64.b64encode(payload).decode(),
            ",".join(
                '\n    {"keyid": %s, "sig": "%s"}' % (json.dumps(k), base64.b64encode(s).decode())
                for k, s in signatures
            ),
        )
    )


def copy_hand_seeds(out, target, folder):
    for path in sorted(glob.glob(os.path.join(ROOT, "fuzz", "seeds", folder, "*"))):
        if os.path.isfile(path) and not os.path.basename(path).startswith("README"):
            write(out, target, read(path))


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = sys.argv[1]
    bundles = sys.argv[2:]
    rulesets = sorted(glob.glob(os.path.join(ROOT, "rules", "*", "ruleset.json")))
    case_files = sorted(glob.glob(os.path.join(ROOT, "rules", "*", "cases", "*.json")))

    # fuzz_ruleset
    for path in rulesets:
        write(out, "fuzz_ruleset", read(path))
    copy_hand_seeds(out, "fuzz_ruleset", "ruleset")

    # fuzz_bundle
    for path in bundles:
        if os.path.isfile(path):
            write(out, "fuzz_bundle", read(path))
    zero_sig = bytes(64)
    for path in rulesets:
        payload = read(path)
        write(out, "fuzz_bundle", envelope(payload, [(DEV_KEYID, zero_sig)]))
        write(out, "fuzz_bundle", envelope(payload, [(DEV_KEYID, zero_sig), ("00112233445566778899aabbccddeeff", zero_sig)]))
        write(out, "fuzz_bundle", payload)
    for path in sorted(glob.glob(os.path.join(ROOT, "rules", "keys", "*.json"))):
        write(out, "fuzz_bundle", read(path))
    copy_hand_seeds(out, "fuzz_bundle", "bundle")

    # fuzz_expression
    certlogic = os.path.join(ROOT, "tests", "conformance", "certlogic")
    for path in sorted(glob.glob(os.path.join(certlogic, "*", "*.json"))):
        doc = load_json(path)
        if not isinstance(doc, dict):
            continue
        for case in doc.get("cases", []):
            if not isinstance(case, dict) or "certLogicExpression" not in case:
                continue
            expr = compact(case["certLogicExpression"])
            assertions = case.get("assertions") or [{}]
            for a in assertions:
                data = a.get("data") if isinstance(a, dict) else None
                write(out, "fuzz_expression", expr + "\n" + compact(data))
    answers_by_set = {}
    for path in case_files:
        name = os.path.basename(os.path.dirname(os.path.dirname(path)))
        for case in cases_of(path):
            if isinstance(case.get("answers"), dict):
                data = dict(case["answers"])
                if isinstance(case.get("date"), str):
                    data["$date"] = case["date"]
                answers_by_set.setdefault(name, []).append(data)
    for path in rulesets:
        name = os.path.basename(os.path.dirname(path))
        doc = load_json(path)
        answers = answers_by_set.get(name, [])[:8] or [{}]
        for i, expr in enumerate(expressions_of(doc)):
            write(out, "fuzz_expression", compact(expr) + "\n" + compact(answers[i % len(answers)]))
    copy_hand_seeds(out, "fuzz_expression", "expression")

    # fuzz_answers
    for path in case_files:
        for case in cases_of(path):
            if isinstance(case.get("answers"), dict):
                date = case.get("date") if isinstance(case.get("date"), str) else "2025-09-01"
                write(out, "fuzz_answers", date + "\n" + compact(case["answers"]))
        write(out, "fuzz_answers", b"2025-09-01\n" + read(path))
    for path in sorted(glob.glob(os.path.join(ROOT, "rules", "*", "demo", "*.json"))):
        write(out, "fuzz_answers", b"2025-09-01\n" + read(path))
    copy_hand_seeds(out, "fuzz_answers", "answers")

    for target in ("fuzz_ruleset", "fuzz_bundle", "fuzz_expression", "fuzz_answers"):
        d = os.path.join(out, target)
        count = len(os.listdir(d)) if os.path.isdir(d) else 0
        print("seeds: %-16s %5d files in %s" % (target, count, d))
    return 0


if __name__ == "__main__":
    sys.exit(main())
