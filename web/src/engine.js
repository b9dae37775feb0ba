// The rule core (WebAssembly) and the signed rules.
//
// Trust policy lives once, in the core (docs/bundle-format.md §6); this file
// only supplies what the core cannot do itself: fetching, the Ed25519
// primitive (WebCrypto is asynchronous, the core is not: §8), and remembering
// the highest accepted version on this device.

// localStorage holds ONE thing per ruleset id: the highest version accepted on
// this device (rollback protection). Never anything about the person.
const VERSION_KEY = 'wegwijzer.minVersion.';

export function readMinVersion(rulesetId) {
  try {
    const v = globalThis.localStorage?.getItem(VERSION_KEY + rulesetId);
    return v && /^\d{1,9}$/.test(v) ? Number(v) : 0;
  } catch {
    return 0; // storage blocked (sandboxed iframe, privacy settings): no memory
  }
}

function recordVersion(rulesetId, version) {
  if (!Number.isInteger(version) || version <= readMinVersion(rulesetId)) return;
  try {
    globalThis.localStorage?.setItem(VERSION_KEY + rulesetId, String(version));
  } catch {
    // Without storage the device cannot remember; the policy then starts at 0.
  }
}

// The person's local calendar date, YYYY-MM-DD (not UTC: just after midnight
// in Brussels it is already the next day there).
export function localToday(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

// A failure the widget explains to the person with a reason code (i18n.js).
export class RulesUnavailable extends Error {
  constructor(code, detail) {
    super(`${code}${detail ? `: ${detail}` : ''}`);
    this.code = code;
  }
}

let corePromise = null;

// Loads the Emscripten module once per page, next to this script.
export function loadCore(glueUrl) {
  if (!corePromise) {
    corePromise = import(glueUrl)
      .then((m) => m.default({
        locateFile: (file) => new URL(file, glueUrl).href,
        // The glue prints its own diagnostics; keep them in the console only.
        print: () => {},
      }))
      .catch((e) => {
        corePromise = null; // a later attempt may succeed (e.g. network back)
        throw new RulesUnavailable('no-core', e && e.message ? e.message : String(e));
      });
  }
  return corePromise;
}

function fromBase64(text) {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i += 1) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

// Step 2 of bundle-format.md §8: one answer per check, in order; false when
// the primitive fails. A browser without Ed25519 cannot check anything: that
// is its own reason, not a "changed rules" message.
async function verifySignatures(prepared) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new RulesUnavailable('no-ed25519', 'no WebCrypto (insecure context?)');
  const message = fromBase64(prepared.message);
  return Promise.all(prepared.checks.map(async (check) => {
    let key;
    try {
      key = await subtle.importKey('raw', fromBase64(check.publicKey), { name: 'Ed25519' }, false, ['verify']);
    } catch (e) {
      if (e && e.name === 'NotSupportedError') throw new RulesUnavailable('no-ed25519', e.message);
      return false;
    }
    try {
      return await subtle.verify({ name: 'Ed25519' }, key, fromBase64(check.signature), message);
    } catch {
      return false;
    }
  }));
}

function parse(json) {
  const value = JSON.parse(json);
  // {"error": ...} is a mistake of the widget itself (bad trust root or policy).
  if (value && value.error) throw new RulesUnavailable('other', value.error);
  return value;
}

// prepare -> WebCrypto -> accept. Returns the core's verdict object.
async function accept(session, bundleText, trustRoot, policy) {
  const prepared = parse(session.prepareBundle(bundleText, trustRoot, JSON.stringify(policy)));
  if (prepared.accepted === false) return prepared;
  const valid = await verifySignatures(prepared);
  return parse(session.acceptBundle(JSON.stringify(valid)));
}

async function fetchText(url) {
  let response;
  try {
    // No cookies, no referrer: the request carries nothing but its URL.
    response = await fetch(url, { credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-cache' });
  } catch (e) {
    return { refusal: { code: 'network', message: String(e && e.message) } };
  }
  if (!response.ok) return { refusal: { code: 'network', message: `HTTP ${response.status}` } };
  return { text: await response.text() };
}

async function tryBundle(session, url, trustRoot, policy) {
  const got = await fetchText(url);
  if (got.refusal) return { accepted: false, refusal: got.refusal };
  return accept(session, got.text, trustRoot, policy);
}

// Loads the rules: the bundle at `bundleUrl`, else the one built into the
// widget (`fallbackUrl`). Resolves to
//   {session, rules: the core's acceptance, builtIn, refusal (why the bundle at
//    bundleUrl was not used, or null)}
// or rejects with RulesUnavailable when no rules can be used at all.
export async function loadRules({ glueUrl, bundleUrl, fallbackUrl, trustRoot, rulesetId, graceDays, today }) {
  const core = await loadCore(glueUrl);
  const session = new core.Session();
  const policy = { today, rulesetId, minVersion: readMinVersion(rulesetId) };
  if (Number.isInteger(graceDays)) policy.graceDays = graceDays;

  let refusal = null;
  if (bundleUrl) {
    const verdict = await tryBundle(session, bundleUrl, trustRoot, policy);
    if (verdict.accepted) {
      recordVersion(rulesetId, verdict.version);
      return { session, rules: verdict, builtIn: false, refusal: null };
    }
    refusal = verdict.refusal;
  }

  // The built-in bundle ships with this very code, so it is as trustworthy as
  // the code itself: it is checked like any bundle (signature, id, expiry) but
  // not against the version remembered on this device. A rollback attack on
  // it would need to replace the widget's code, which could then do anything.
  const verdict = await tryBundle(session, fallbackUrl, trustRoot, { ...policy, minVersion: 0 });
  if (verdict.accepted) {
    recordVersion(rulesetId, verdict.version);
    return { session, rules: verdict, builtIn: true, refusal };
  }
  const reason = refusal && refusal.code !== 'network' ? refusal : verdict.refusal;
  throw new RulesUnavailable(reason.code, reason.message);
}
