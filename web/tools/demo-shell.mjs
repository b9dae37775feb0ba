// The one shell of every demo page: the article pages in Dutch and English
// and the iframe variant (web/demo/pages.mjs, written by demo-pages.mjs), and
// the course pages (course-pages.mjs). It holds what they share: the head
// (charset, viewport, title, icon, stylesheets, scripts), the skip link, the
// header, the demo banner and the footer; each page gives only its own parts.

export const esc = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
  .replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const indent = (text, spaces) => text.split('\n').map((l) => (l ? ' '.repeat(spaces) + l : l)).join('\n');

// title: the page's own title (the site's name follows it); head: extra
// lines for <head> (scripts, comments); header, before (between the banner
// and <main>), main, footer: HTML.
export function demoPage({ lang, title, site, styles = ['demo.css'], head = '', skip, header, banner, before = '',
  mainClass = 'container', main, footer }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} | ${site}</title>
  <link rel="icon" href="favicon.svg" type="image/svg+xml">
${styles.map((s) => `  <link rel="stylesheet" href="${s}">`).join('\n')}
${head ? `${indent(head.trim(), 2)}\n` : ''}</head>
<body>
  <a class="skip" href="#inhoud">${skip}</a>
${indent(header.trim(), 2)}
  <div class="demo-banner"><div class="container">${banner}</div></div>
${before ? `${indent(before.trim(), 2)}\n` : ''}  <main id="inhoud" class="${mainClass}">
${indent(main.trim(), 4)}
  </main>
  <footer class="global-footer">
    <div class="container">
${indent(footer.trim(), 6)}
    </div>
  </footer>
</body>
</html>
`;
}
