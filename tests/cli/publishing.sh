#!/usr/bin/env bash
# Publishing end to end with the command: keys, a 2-of-2 trust root, two
# people signing in turn, verification, and the bundle used by eval and test.
# Usage: publishing.sh WEGWIJZER RULES_DIR
source "$(dirname "$0")/lib.sh"
rules=$2

check "keygen ann" 0 "$wegwijzer" keygen --private "$work/ann.pem" --public "$work/ann.json" --owner "Ann (beleid)"
[[ $(stat -c %a "$work/ann.pem") == 600 ]] || { echo "FAIL private key is not mode 600"; failures=$((failures + 1)); }
check "keygen bert" 0 "$wegwijzer" keygen --private "$work/bert.pem" --public "$work/bert.json" --owner "Bert (juridisch)"
check "keygen never overwrites" 2 "$wegwijzer" keygen --private "$work/ann.pem" --public "$work/other.json"
contains err "exists; not overwriting"
# Reliability review D11: a public card that cannot be written takes its new private key with it.
check "keygen cleans up when the card cannot be written" 2 "$wegwijzer" keygen --private "$work/carl.pem" --public "$work/no-such-dir/carl.json"
if [[ -e "$work/carl.pem" ]]; then echo "FAIL: keygen left a private key without its card"; failures=$((failures + 1)); fi
check "trust root 2 of 2" 0 "$wegwijzer" trust-root --threshold 2 "$work/ann.json" "$work/bert.json" -o "$work/trust.json"

ruleset="$rules/example/ruleset.json"
check "ann signs" 0 "$wegwijzer" sign --key "$work/ann.pem" "$ruleset" -o "$work/bundle.json"
check "one signature is not enough" 1 "$wegwijzer" verify --trust "$work/trust.json" "$work/bundle.json" --date 2025-10-01
contains out "threshold-not-met"
# Issue 15: --trust commands bind the ruleset id when asked to.
"$wegwijzer" trust-root --threshold 1 "$work/ann.json" -o "$work/trust-ann.json" >/dev/null
echo '{}' >"$work/empty.json"
check "eval --trust --ruleset-id of another ruleset is refused" 1 "$wegwijzer" eval --trust "$work/trust-ann.json" "$work/bundle.json" --date 2025-10-01 --answers "$work/empty.json" --ruleset-id opleidingsincentives
contains err "wrong-ruleset-id"
check "lint --ruleset-id of another ruleset is refused" 1 "$wegwijzer" lint "$ruleset" --ruleset-id opleidingsincentives
contains err 'holds ruleset "example", not "opleidingsincentives"'
check "lint --ruleset-id of its own ruleset" 0 "$wegwijzer" lint "$ruleset" --ruleset-id example

# D11: a link planted where the old command wrote its temporary file is not followed.
ln -s "$work/victim" "$work/planted.json.tmp"
check "sign does not follow a planted link" 0 "$wegwijzer" sign --key "$work/ann.pem" "$ruleset" -o "$work/planted.json"
if [[ -e "$work/victim" ]] || ls "$work"/planted.json.?????? >/dev/null 2>&1; then
  echo "FAIL: sign wrote through the planted link or left a temporary file"; failures=$((failures + 1))
fi
check "bert adds his signature" 0 "$wegwijzer" sign --key "$work/bert.pem" "$work/bundle.json" -o "$work/bundle.json"
contains out "2 signature(s)"
check "two signatures are accepted" 0 "$wegwijzer" verify --trust "$work/trust.json" "$work/bundle.json" --date 2025-10-01 --ruleset-id example
contains out 'accepted: ruleset "example" version 1'
contains out "signed by:"
if grep -qF "is not the key id" "$work/err"; then echo "FAIL a correct trust root gets a key id warning"; failures=$((failures + 1)); fi
# A key id that is not the key's own: a warning (and here the signature no longer matches a key).
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["keys"][0]["keyid"]="0123456789abcdef0123456789abcdef"; print(json.dumps(d))' "$work/trust.json" >"$work/odd-trust.json"
check "a key id that is not its key's is reported" 1 "$wegwijzer" verify --trust "$work/odd-trust.json" "$work/bundle.json" --date 2025-10-01
contains err '/keys/0/keyid: "0123456789abcdef0123456789abcdef" is not the key id of its publicKey'
check "wrong ruleset id" 1 "$wegwijzer" verify --trust "$work/trust.json" "$work/bundle.json" --date 2025-10-01 --ruleset-id opleidingsincentives
contains out "wrong-ruleset-id"
check "rollback" 1 "$wegwijzer" verify --trust "$work/trust.json" "$work/bundle.json" --date 2025-10-01 --min-version 2
contains out "rollback"
# Issue 15: a version names one content. verify prints the digest a client records with the version.
check "verify prints the signed message's sha256" 0 "$wegwijzer" verify --trust "$work/trust.json" "$work/bundle.json" --date 2025-10-01
digest=$(sed -n 's/^message sha256: //p' "$work/out")
[[ $digest =~ ^[0-9a-f]{64}$ ]] || { echo "FAIL no message sha256 in: $(cat "$work/out")"; failures=$((failures + 1)); }
check "the same version and digest again" 0 "$wegwijzer" verify --trust "$work/trust.json" "$work/bundle.json" --date 2025-10-01 --min-version 1 --min-version-digest "$digest"
check "the same version seen with another digest" 1 "$wegwijzer" verify --trust "$work/trust.json" "$work/bundle.json" --date 2025-10-01 --min-version 1 --min-version-digest "$(printf '0%.0s' {1..64})"
contains out "version-reused"
check "--min-version-digest needs hex" 2 "$wegwijzer" verify --trust "$work/trust.json" "$work/bundle.json" --min-version 1 --min-version-digest XYZ
contains err "64 lower-case hex digits"
# Issue 15, freshness: past its freshUntil a bundle is stale (an old copy on a mirror).
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["freshUntil"]="2025-10-15"; print(json.dumps(d))' "$ruleset" >"$work/fresh.json"
"$wegwijzer" sign --key "$work/ann.pem" "$work/fresh.json" -o "$work/fresh.dsse.json" >/dev/null
check "fresh on its freshUntil" 0 "$wegwijzer" verify --trust "$work/trust-ann.json" "$work/fresh.dsse.json" --date 2025-10-15
contains out "fresh until: 2025-10-15"
check "stale the day after" 1 "$wegwijzer" verify --trust "$work/trust-ann.json" "$work/fresh.dsse.json" --date 2025-10-16
contains out "stale"
check "within --fresh-grace-days: a warning" 0 "$wegwijzer" verify --trust "$work/trust-ann.json" "$work/fresh.dsse.json" --date 2025-10-16 --fresh-grace-days 7
contains out "warning: the rules were to be served as current until 2025-10-15; newer rules may exist"
# Reliability review D8: versions go up to 2^53 - 1, and so does --min-version.
check "--min-version 2^53 - 1 is a rollback, not a usage error" 1 "$wegwijzer" verify --trust "$work/trust.json" "$work/bundle.json" --date 2025-10-01 --min-version 9007199254740991
check "--min-version above 2^53 - 1" 2 "$wegwijzer" verify --trust "$work/trust.json" "$work/bundle.json" --date 2025-10-01 --min-version 9007199254740992
contains err "at most 9007199254740991"

# The exact payload is the exact file.
python3 - "$work/bundle.json" "$ruleset" <<'PY' || failures=$((failures + 1))
import base64, json, sys
env = json.load(open(sys.argv[1]))
assert base64.b64decode(env["payload"]) == open(sys.argv[2], "rb").read(), "payload differs from the ruleset bytes"
print("ok   the payload is the ruleset's exact bytes")
PY

check "test runs on the bundle" 0 "$wegwijzer" test --trust "$work/trust.json" "$work/bundle.json" "$rules/example/cases"
echo '{}' >"$work/answers.json"
check "eval runs on the bundle" 0 "$wegwijzer" eval --trust "$work/trust.json" "$work/bundle.json" --date 2025-10-01 --answers "$work/answers.json"
sed 's/"sig": "./"sig": "A/' "$work/bundle.json" >"$work/tampered.json"
check "eval refuses a tampered bundle" 1 "$wegwijzer" eval --trust "$work/trust.json" "$work/tampered.json" --date 2025-10-01 --answers "$work/answers.json"
contains err "refused:"

# sign lints first
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["results"][0]["versions"][0]["criteria"][0]["test"]={"var":"nergens"}; print(json.dumps(d))' "$ruleset" >"$work/broken.json"
check "sign refuses a ruleset that does not lint" 1 "$wegwijzer" sign --key "$work/ann.pem" "$work/broken.json" -o "$work/broken.dsse.json"
contains err "does not pass lint"
[[ ! -e "$work/broken.dsse.json" ]] || { echo "FAIL a bundle was written anyway"; failures=$((failures + 1)); }

exit $failures
