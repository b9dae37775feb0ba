#!/usr/bin/env python3
"""Writes a synthetic course catalogue (JSON Lines) for `wegwijzer courses`:
N courses with course facts drawn (seeded) from a ruleset's course questions.
Usage: scripts/generate-catalogue.py RULESET N > catalogue.jsonl"""
import json
import random
import sys

ruleset = json.load(open(sys.argv[1]))
count = int(sys.argv[2])
rng = random.Random(20261123)
course_questions = [q for q in ruleset["questions"] if q.get("scope") == "course"]

def answer(q):
    if q["type"] == "boolean":
        return rng.random() < 0.5
    if q["type"] == "number":  # values around the usual thresholds, within the question's range
        return rng.choice([x for x in [0, 3, 8, 9, 24, 31, 32, 60, 119, 120, 200, 360, 500]
                           if q["min"] <= x <= q["max"]])
    if q["type"] == "choice":
        return rng.choice(q["options"])["value"]
    return "2026-09-01"

for i in range(count):
    facts = {q["id"]: answer(q) for q in course_questions if rng.random() < 0.95}
    print(json.dumps({"id": f"ODB-{i:06d}", "facts": facts}))
