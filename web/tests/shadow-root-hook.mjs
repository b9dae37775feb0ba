// The guide's shadow root is closed: a host page, and Playwright's locators,
// cannot reach into it. The tests (helpers.mjs openPage), the screenshots and
// the time-to-first-question benchmark reach it through a route of their own
// that nothing shipped has: this function, added as an init script to a
// browser context (so it runs in every page and frame before their scripts),
// wraps Element.prototype.attachShadow (and ElementInternals' shadowRoot,
// for a page's declarative one) and keeps each root in a WeakMap, readable in the page as __testShadowRoot(element) (default: the
// first <wegwijzer-guide>). The host scripts of privacy.test.mjs do not use it.
export function testShadowRootHook() {
  const roots = new WeakMap();
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  };
  // A page's pre-rendered first screen is a declarative shadow root: the
  // guide takes it through its ElementInternals, not attachShadow.
  const internalsRoot = Object.getOwnPropertyDescriptor(ElementInternals.prototype, 'shadowRoot');
  Object.defineProperty(ElementInternals.prototype, 'shadowRoot', {
    ...internalsRoot,
    get() {
      const root = internalsRoot.get.call(this);
      if (root) roots.set(root.host, root);
      return root;
    },
  });
  Object.defineProperty(window, '__testShadowRoot', {
    value: (el = document.querySelector('wegwijzer-guide')) => (el && roots.get(el)) || null,
  });
}
