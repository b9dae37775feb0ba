// The one module script a host page loads:
//   <script type="module" src=".../wegwijzer-guide.js"></script>
//   <wegwijzer-guide bundle=".../opleidingsincentives.dsse.json"></wegwijzer-guide>
// The build (scripts/build-web.sh) bundles this file and web/src/ into one file.

import { WegwijzerGuide } from './src/guide.js';

// A host may load the script twice (two embeds on one page): define once.
if (!customElements.get('wegwijzer-guide')) customElements.define('wegwijzer-guide', WegwijzerGuide);
