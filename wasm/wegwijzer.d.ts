// The contract between web/ and wasm/: what the WebAssembly module
// (wasm/bindings.cpp, Emscripten 3.1.6 + embind) offers, and in what shapes.
// web/src uses nothing else; tests/wasm/contract.test.mjs checks both sides:
// every method here exists on the module, the browser build has none of the
// test-only ones, and every method web/src calls is declared here.
//
// Strings in and out are JSON text unless said otherwise; dates are
// "YYYY-MM-DD". A mistake of the caller (a bad trust root, policy or date)
// comes back as {"error": "..."}; no C++ exception crosses the boundary.

/** The client's trust policy (docs/bundle-format.md §6), as JSON text. */
export interface TrustPolicy {
  today: string;
  rulesetId?: string;
  minVersion?: number;
  /** SHA-256 (64 lower-case hex digits) of the signed message accepted at minVersion. */
  minVersionDigest?: string;
  /** 0 to 3650. */
  graceDays?: number;
  /** -1 (no freshness check) to 3650. */
  freshGraceDays?: number;
}

/** One Ed25519 check for the platform (bundle-format §8, step 2); its bytes: Session.publicKey(i), Session.signature(i). */
export interface SignatureCheck {
  keyid: string;
}

export type Prepared =
  | { checks: SignatureCheck[] }
  | { accepted: false; refusal: { code: string; message: string } }
  | { error: string };

/** The platform's answers to acceptBundle, as JSON text. */
export type Verdict =
  | {
      accepted: true;
      id: string;
      version: number;
      published: string;
      expires: string;
      freshUntil?: string;
      signers: string[];
      warnings: string[];
      expired: boolean;
      stale: boolean;
    }
  | { accepted: false; refusal: { code: string; message: string } }
  | { error: string };

/** One ruleset in use: accepted through prepareBundle + acceptBundle. */
export interface Session {
  /** Steps 1-5 of bundle-format §6: the bundle's exact bytes. Returns Prepared. */
  prepareBundle(bundle: Uint8Array | string, trustRoot: string, policy: string): string;
  /**
   * Steps 6-12 with the platform's answers: one per check, in order (false when the primitive failed),
   * and the SHA-256 (lower-case hex) of message(), needed when the policy has minVersionDigest.
   * Returns Verdict; on acceptance the session uses the ruleset.
   */
  acceptBundle(valid: boolean[], messageDigest: string): string;
  /** The bytes every signature must cover (DSSE PAE), after prepareBundle: a view into the module's memory (copy it). */
  message(): Uint8Array;
  /** Check i's raw Ed25519 public key (32 bytes), after prepareBundle: a view (copy it). Empty past the last check. */
  publicKey(check: number): Uint8Array;
  /** Check i's signature (64 bytes), after prepareBundle: a view (copy it). Empty past the last check. */
  signature(check: number): Uint8Array;
  /** Questions, results and texts in a locale (rules-format §10, "describe"). */
  describe(locale: string): string;
  /** The full evaluation of answers (a JSON object) on a date (rules-format §10). */
  evaluate(answers: string, date: string, locale: string): string;
  /** The compact form (statuses, amounts, next questions, progress), no texts. */
  status(answers: string, date: string): string;
  /** What a course (its facts) can unlock (rules-format §10, course view). */
  courseView(facts: string, date: string, locale: string): string;
  /** embind: frees the session. */
  delete(): void;
}

/** The module the factory resolves to, in the browser build (wegwijzer.mjs). */
export interface WegwijzerModule {
  Session: { new (): Session };
}

/**
 * The Node build (wegwijzer-node.cjs) only: for tests and benchmarks, never
 * shipped to browsers (wasm/CMakeLists.txt, WEGWIJZER_TEST_ENTRY_POINTS).
 */
export interface TestSession extends Session {
  /** Uses a ruleset without a signature. */
  loadUnsigned(ruleset: string): string;
  /** Runs rule cases (docs/cases-format.md) against the ruleset in use. */
  runCases(cases: string): string;
  /** Compiles the fast path for a date (web/src/fast-path.js). */
  compileFor(date: string): string;
}

export interface WegwijzerTestModule {
  Session: { new (): TestSession };
  /**
   * One expression against JSON data ("certlogic" or "wegwijzer" dialect):
   * {"value": ...}, {"error": message, "pointer": JSON Pointer} when the
   * evaluation failed, or {"problems": [{path, message}]} when it does not compile.
   */
  evaluateLogic(expression: string, data: string, dialect: string): string;
}

export default function createWegwijzer(options?: object): Promise<WegwijzerModule>;
