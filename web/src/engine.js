// The rule core (WebAssembly) and the signed rules.
//
// Trust policy lives once, in the core (docs/bundle-format.md §6); this file
// only supplies what the core cannot do itself: fetching, the Ed25519
// primitive (WebCrypto is asynchronous, the core is not: §8), and remembering
// the highest accepted version on this device.

// localStorage holds ONE thing per ruleset id: the highest version accepted on
// this device (rollback protection) and the SHA-256 of that version's signed
// message, as "VERSION:SHA256" (a version names one content: another bundle
// with the same version is refused). Never anything about the person.
const VERSION_KEY = 'wegwijzer.minVersion.';

// {version, digest}: digest '' when not known (storage written by an older
// widget, or none).
export function readSeen(rulesetId) {
  try {
    const v = globalThis.localStorage?.getItem(VERSION_KEY + rulesetId);
    const m = v && /^(\d{1,16})(?::([0-9a-f]{64}))?$/.exec(v);
    return m && Number.isSafeInteger(Number(m[1])) ? { version: Number(m[1]), digest: m[2] || '' } : { version: 0, digest: '' };
  } catch {
    return { version: 0, digest: '' }; // storage blocked (sandboxed iframe, privacy settings): no memory
  }
}

function recordVersion(rulesetId, version, digest) {
  const seen = readSeen(rulesetId);
  if (!Number.isSafeInteger(version) || version < seen.version) return;
  if (version === seen.version && (seen.digest || !digest)) return;
  try {
    globalThis.localStorage?.setItem(VERSION_KEY + rulesetId, digest ? `${version}:${digest}` : String(version));
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

// Loads the Emscripten module once per page: `urls` {glue, wasm}. The glue
// and the wasm are fetched at the same time (not glue first, then wasm), and
// the wasm compiles while it downloads.
export function loadCore(urls) {
  if (!corePromise) {
    const glueUrl = urls.glue;
    const wasmResponse = fetch(urls.wasm, { credentials: 'same-origin' });
    wasmResponse.catch(() => {}); // reported through instantiateWasm below
    let compileFailed;
    const failure = new Promise((_, reject) => { compileFailed = reject; });
    const started = import(glueUrl).then((m) => m.default({
      locateFile: (file) => new URL(file, glueUrl).href,
      // The glue waits for receive(); a failed download or compile rejects `failure`.
      instantiateWasm(imports, receive) {
        instantiate(wasmResponse, imports).then(({ instance, module }) => receive(instance, module), compileFailed);
        return {};
      },
      // The glue prints its own diagnostics; keep them in the console only.
      print: () => {},
    }));
    corePromise = Promise.race([started, failure]).catch((e) => {
      corePromise = null; // a later attempt may succeed (e.g. network back)
      throw new RulesUnavailable('no-core', e && e.message ? e.message : String(e));
    });
  }
  return corePromise;
}

// Streaming compilation when the server says application/wasm; else from bytes.
async function instantiate(responsePromise, imports) {
  const response = await responsePromise;
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
  if (WebAssembly.instantiateStreaming && response.headers.get('Content-Type') === 'application/wasm') {
    return WebAssembly.instantiateStreaming(response, imports);
  }
  return WebAssembly.instantiate(await response.arrayBuffer(), imports);
}

// Step 2 of bundle-format.md §8: one answer per check, in order; false when
// the primitive fails. A browser without Ed25519 cannot check anything: that
// is its own reason, not a "changed rules" message.
async function verifySignatures(prepared) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) throw new RulesUnavailable('no-ed25519', 'no WebCrypto (insecure context?)');
  const message = prepared.message;
  return Promise.all(prepared.checks.map(async (check) => {
    let key;
    try {
      key = await subtle.importKey('raw', check.publicKey, { name: 'Ed25519' }, false, ['verify']);
    } catch (e) {
      if (e && e.name === 'NotSupportedError') throw new RulesUnavailable('no-ed25519', e.message);
      return false;
    }
    try {
      return await subtle.verify({ name: 'Ed25519' }, key, check.signature, message);
    } catch {
      return false;
    }
  }));
}

// A JSON result of the core. {"error": ...} is a mistake of the widget
// itself (a bad trust root, policy, date or answers): thrown as RulesUnavailable.
export function parse(json) {
  const value = JSON.parse(json);
  if (value && value.error) throw new RulesUnavailable('other', value.error);
  return value;
}

// Lets the page handle a tap or a key between two long calls into the core.
// Loading the rules was one task of about 250 ms on an emulated phone (4x
// CPU): the instance's start, prepare, WebCrypto, accept, and the guide's
// first screen; a person answering the page's own first question meanwhile
// waited for all of it. Not a timer: a hidden tab does not slow it down.
function nextTask() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => { port1.close(); resolve(); };
    port2.postMessage(null);
  });
}

// prepare -> WebCrypto -> accept, each in a task of its own (nextTask).
// Returns the core's verdict object.
// The bundle goes in as its bytes: the core reads exactly what was signed
// (no lenient decoding on the way) and no text is re-encoded.
async function accept(session, bundleBytes, trustRoot, policy) {
  await nextTask();
  const prepared = parse(session.prepareBundle(bundleBytes, trustRoot, JSON.stringify(policy)));
  if (prepared.accepted === false) return prepared;
  // Copies: the views are into the module's memory, which may move.
  prepared.message = session.message().slice();
  prepared.checks = prepared.checks.map((check, i) => ({
    ...check, publicKey: session.publicKey(i).slice(), signature: session.signature(i).slice(),
  }));
  const valid = await verifySignatures(prepared);
  const messageDigest = await sha256Hex(prepared.message);
  await nextTask();
  const verdict = parse(session.acceptBundle(valid, messageDigest));
  await nextTask();
  return verdict.accepted ? { ...verdict, messageDigest } : verdict;
}

// SHA-256 in hex. Of the bundle's exact bytes: the rules' fingerprint on a
// printed receipt and in a kiosk's footer (staff compare it with `sha256sum`
// of the published file). Of its signed message: what the core compares for
// a version seen before.
async function sha256Hex(bytes) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// Bundles being fetched now, by URL: several guides on one page (a course
// catalogue) share one request. Only while it runs; nothing is kept after.
const inFlight = new Map();

async function fetchBytes(url, { refresh = false } = {}) {
  let response;
  try {
    // No cookies, no referrer: the request carries nothing but its URL. A
    // refresh asks the network, never a cache: past the HTTP cache, and past
    // a kiosk's service worker (the header tells it so; only on the page's
    // own origin, where no CORS preflight is needed for it). It gives up
    // after 30 s: a refresh waits for the next interval.
    const options = { credentials: 'omit', referrerPolicy: 'no-referrer', cache: refresh ? 'no-store' : 'no-cache' };
    if (refresh) {
      if (new URL(url).origin === globalThis.location?.origin) options.headers = { 'X-Wegwijzer-Refresh': '1' };
      if (globalThis.AbortSignal?.timeout) options.signal = AbortSignal.timeout(30000);
    }
    response = await fetch(url, options);
  } catch (e) {
    return { refusal: { code: 'network', message: String(e && e.message) } };
  }
  if (!response.ok) return { refusal: { code: 'network', message: `HTTP ${response.status}` } };
  const bytes = new Uint8Array(await response.arrayBuffer());
  return { bytes };
}

function fetchShared(url) {
  if (!inFlight.has(url)) {
    inFlight.set(url, fetchBytes(url).finally(() => inFlight.delete(url)));
  }
  return inFlight.get(url);
}

// Bundles fetched ahead of loadRules, by URL, until it takes them: a guide
// whose first screen came with the page waits for the page's first frame
// before it loads its rules, and its bundle downloads meanwhile.
const fetchedAhead = new Map();

export function fetchAhead(url) {
  if (!url || fetchedAhead.has(url)) return;
  const got = fetchShared(url);
  got.catch(() => {}); // not taken yet: loadRules reports a failure, as for its own fetch
  fetchedAhead.set(url, got);
}

function takeAhead(url) {
  const got = fetchedAhead.get(url);
  fetchedAhead.delete(url);
  return got;
}

async function tryBundle(session, url, trustRoot, policy, options = {}) {
  const got = await (options.fetched || (options.refresh ? fetchBytes(url, options) : fetchShared(url)));
  if (got.refusal) return { accepted: false, refusal: got.refusal };
  const verdict = await accept(session, got.bytes, trustRoot, policy);
  if (!verdict.accepted) return verdict;
  return { ...verdict, bytes: got.bytes, fingerprint: await sha256Hex(got.bytes) };
}

// graceDays (the element's grace-days) holds for both dates of the rules:
// past `expires` and past `freshUntil` (a kiosk that is long offline).
function policyFor({ today, rulesetId, graceDays }) {
  const seen = readSeen(rulesetId);
  const policy = { today, rulesetId, minVersion: seen.version, minVersionDigest: seen.digest };
  if (Number.isInteger(graceDays)) Object.assign(policy, { graceDays, freshGraceDays: graceDays });
  return policy;
}

// What a loaded ruleset is, for the guide: the core's acceptance without the
// bytes, which only the kiosk's cache needs.
function loadedFrom(core, session, verdict, builtIn, refusal) {
  const { bytes, fingerprint, ...rules } = verdict;
  return { core, session, rules, builtIn, refusal, fingerprint, bytes };
}

// Loads the rules: the bundle at `bundleUrl`, else the one built into the
// widget (`fallbackUrl`). Resolves to
//   {core, session, rules: the core's acceptance, builtIn, refusal (why the bundle at
//    bundleUrl was not used, or null)}
// or rejects with RulesUnavailable when no rules can be used at all.
export async function loadRules({ coreUrls, bundleUrl, fallbackUrl, trustRoot, rulesetId, graceDays, today }) {
  // The bundle downloads while the core does.
  const bundle = bundleUrl ? (takeAhead(bundleUrl) ?? fetchShared(bundleUrl)) : null;
  bundle?.catch(() => {});
  const core = await loadCore(coreUrls);
  const session = new core.Session();
  const policy = policyFor({ today, rulesetId, graceDays });

  let refusal = null;
  if (bundleUrl) {
    const verdict = await tryBundle(session, bundleUrl, trustRoot, policy, { fetched: bundle });
    if (verdict.accepted) {
      recordVersion(rulesetId, verdict.version, verdict.messageDigest);
      return loadedFrom(core, session, verdict, false, null);
    }
    refusal = verdict.refusal;
  }

  // The built-in bundle ships with this very code, so it is as trustworthy as
  // the code itself: it is checked like any bundle (signature, id, expiry) but
  // not against the version remembered on this device, nor for freshness (it
  // is as fresh as the code). A rollback attack on it would need to replace
  // the widget's code, which could then do anything.
  const builtIn = { ...policy, minVersion: 0, minVersionDigest: '', freshGraceDays: -1 };
  const verdict = await tryBundle(session, fallbackUrl, trustRoot, builtIn);
  if (verdict.accepted) {
    recordVersion(rulesetId, verdict.version, verdict.messageDigest);
    return loadedFrom(core, session, verdict, true, refusal);
  }
  session.delete();
  const reason = refusal && refusal.code !== 'network' ? refusal : verdict.refusal;
  throw new RulesUnavailable(reason.code, reason.message);
}

// A refresh (a kiosk, or a page that stays open for long): fetches the bundle
// from the network, past every cache, and checks it with the same policy as
// loadRules (signatures, id, no rollback below the version this device
// accepted, expiry with grace), in a session of its own, so the rules in use
// are not touched, and never back below `minVersion` (the rules in use).
// Resolves to
//   {status: 'new', loaded}      accepted, and other bytes than `currentFingerprint`
//   {status: 'current'}          the same bundle as the one in use
//   {status: 'refused', refusal} the core refused it (e.g. rollback)
//   {status: 'unreachable', refusal}
// The caller switches to `loaded` when no one is in the middle of a session.
export async function checkForUpdate({
  coreUrls, bundleUrl, trustRoot, rulesetId, graceDays, today, currentFingerprint, minVersion = 0, minVersionDigest = '',
}) {
  const core = await loadCore(coreUrls);
  const session = new core.Session();
  const policy = policyFor({ today, rulesetId, graceDays });
  if (minVersion > policy.minVersion) Object.assign(policy, { minVersion, minVersionDigest });
  const verdict = await tryBundle(session, bundleUrl, trustRoot, policy, { refresh: true });
  if (verdict.accepted && verdict.fingerprint && verdict.fingerprint !== currentFingerprint) {
    return { status: 'new', loaded: loadedFrom(core, session, verdict, false, null) };
  }
  session.delete();
  if (verdict.accepted) return { status: 'current' };
  return { status: verdict.refusal.code === 'network' ? 'unreachable' : 'refused', refusal: verdict.refusal };
}

// Called when the guide starts using a ruleset: the device remembers its version.
export function recordAccepted(loaded) {
  recordVersion(loaded.rules.id, loaded.rules.version, loaded.rules.messageDigest);
}

// The Cache Storage entry a kiosk's service worker (web/kiosk/kiosk-sw.js)
// answers bundle requests from: the last bundle this device accepted, written
// only after the core accepted it. Nothing else ever goes in it.
export const RULES_CACHE = 'wegwijzer-rules';

export async function rememberBundle(url, bytes) {
  if (!globalThis.caches || !bytes) return false;
  try {
    const cache = await caches.open(RULES_CACHE);
    // One entry: the bundle of this URL replaces any earlier one.
    for (const old of await cache.keys()) if (old.url !== url) await cache.delete(old);
    await cache.put(url, new Response(bytes, { headers: { 'Content-Type': 'application/json' } }));
    return true;
  } catch {
    return false; // no Cache Storage (private mode, quota): the kiosk still works online
  }
}
