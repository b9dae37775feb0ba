// The iframe page: configures the guide from the page's query string (host
// settings, never answers) and tells the parent its height, so the parent can
// size the iframe without scroll bars. The message is {type, height} and
// nothing else; results and answers never leave the iframe.

const guide = document.querySelector('wegwijzer-guide');
const params = new URLSearchParams(location.search);
for (const name of ['bundle', 'ruleset-id', 'date', 'grace-days']) {
  if (params.has(name)) guide.setAttribute(name, params.get(name));
}
const lang = params.get('lang') === 'en' ? 'en' : 'nl';
guide.setAttribute('lang', lang);
document.documentElement.lang = lang;

let last = 0;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  // The height is not personal; '*' because the embedding origin is not known here.
  window.parent.postMessage({ type: 'wegwijzer:height', height }, '*');
}
new ResizeObserver(postHeight).observe(document.documentElement);
postHeight();
