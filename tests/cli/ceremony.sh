#!/usr/bin/env bash
# The key ceremony of rules/keys/README.md, step by step with the command:
# three key holders and a 2-of-3 production trust root, then Ann rotates her
# key (an overlap in which old and new clients accept the same bundles), then
# the old key is gone. What a key holder or the publishing team types is what
# this runs (names and dates as in the README).
# Usage: ceremony.sh WEGWIJZER RULES_DIR
source "$(dirname "$0")/lib.sh"
rules=$2

ruleset="$rules/example/ruleset.json"
for who in ann bert chris; do
  check "keygen $who" 0 "$wegwijzer" keygen --private "$work/$who.pem" --public "$work/$who-public-key.json" --owner "$who"
done
check "the production trust root, 2 of 3" 0 "$wegwijzer" trust-root --threshold 2 "$work/ann-public-key.json" "$work/bert-public-key.json" "$work/chris-public-key.json" -o "$work/production-trust-root.json"
cp "$work/production-trust-root.json" "$work/old-production-trust-root.json"

check "ann signs" 0 "$wegwijzer" sign --key "$work/ann.pem" "$ruleset" -o "$work/example.dsse.json"
check "bert signs" 0 "$wegwijzer" sign --key "$work/bert.pem" "$work/example.dsse.json" -o "$work/example.dsse.json"
check "accepted with two of three" 0 "$wegwijzer" verify --trust "$work/production-trust-root.json" --ruleset-id example "$work/example.dsse.json" --date 2026-03-01

# Rotating: Ann makes ann-2026; the team adds its card and ends the old key.
check "keygen ann-2026" 0 "$wegwijzer" keygen --private "$work/ann-2026.pem" --public "$work/ann-2026-public-key.json" --owner "ann"
check "the trust root with both of Ann's keys" 0 "$wegwijzer" trust-root --threshold 2 "$work/ann-public-key.json" "$work/ann-2026-public-key.json" "$work/bert-public-key.json" "$work/chris-public-key.json" -o "$work/production-trust-root.json"
python3 - "$work/production-trust-root.json" "$work/ann-public-key.json" <<'PY'
import json, sys
root, ann = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
for k in root["keys"]:
    if k["keyid"] == ann["keyid"]:
        k["validUntil"] = "2026-06-30"  # by hand, as the README says
json.dump(root, open(sys.argv[1], "w"), indent=2)
PY
# During the overlap: signed by keys in both trust roots, accepted by both.
check "bert and chris sign" 0 "$wegwijzer" sign --key "$work/bert.pem" "$ruleset" -o "$work/overlap.dsse.json"
check "chris adds his" 0 "$wegwijzer" sign --key "$work/chris.pem" "$work/overlap.dsse.json" -o "$work/overlap.dsse.json"
check "old clients accept it" 0 "$wegwijzer" verify --trust "$work/old-production-trust-root.json" --ruleset-id example "$work/overlap.dsse.json" --date 2026-03-01
check "new clients accept it" 0 "$wegwijzer" verify --trust "$work/production-trust-root.json" --ruleset-id example "$work/overlap.dsse.json" --date 2026-03-01
# After validUntil the old key no longer counts, also for clients never updated since.
check "ann's old key counts until its validUntil" 0 "$wegwijzer" verify --trust "$work/production-trust-root.json" "$work/example.dsse.json" --date 2026-06-30
check "and not after it" 1 "$wegwijzer" verify --trust "$work/production-trust-root.json" "$work/example.dsse.json" --date 2026-07-01
contains out "threshold-not-met"

# The end of the overlap: the old card leaves, the trust root is written again.
rm "$work/ann-public-key.json"
check "the trust root without the old key" 0 "$wegwijzer" trust-root --threshold 2 "$work/ann-2026-public-key.json" "$work/bert-public-key.json" "$work/chris-public-key.json" -o "$work/production-trust-root.json"
check "a bundle signed with the old key and one other is refused" 1 "$wegwijzer" verify --trust "$work/production-trust-root.json" "$work/example.dsse.json" --date 2026-03-01
contains out "threshold-not-met"
check "ann signs with her new key" 0 "$wegwijzer" sign --key "$work/ann-2026.pem" "$work/example.dsse.json" -o "$work/example.dsse.json"
check "and it is accepted again" 0 "$wegwijzer" verify --trust "$work/production-trust-root.json" --ruleset-id example "$work/example.dsse.json" --date 2026-03-01

# A trust root that lists one card twice is refused (one holder, one count).
python3 -c '
import json, sys
r = json.load(open(sys.argv[1])); k = dict(r["keys"][0]); k["keyid"] = "0" * 32; r["keys"].append(k); print(json.dumps(r))' "$work/production-trust-root.json" >"$work/doubled.json"
check "one card twice is refused" 2 "$wegwijzer" verify --trust "$work/doubled.json" "$work/example.dsse.json" --date 2026-03-01
contains err "same public key"

exit $failures
