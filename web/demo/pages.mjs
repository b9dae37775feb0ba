// The demo's article pages, in the shape of a vlaanderen.be page: their own
// parts only; web/tools/demo-shell.mjs gives the shell and
// web/tools/demo-pages.mjs writes them (scripts/build-web.sh). @RULESET_ID@
// becomes the built-in ruleset's id; @FIRST_SCREEN@ the first question as
// plain text, for a person without JavaScript (web/tools/first-screen.mjs).

const SCRIPT = `<!-- The one script an embedding page adds. -->
<!-- blocking="render": the first paint waits for the guide, which shows its
     first question at once; nothing on the page moves when it appears. The
     build drops it where it writes the first screen into the page
     (web/tools/prerender.mjs): then the question paints with the HTML. -->
<script type="module" src="wegwijzer-guide.js" blocking="render"></script>`;

const logo = (tagline) => `<a class="logo" href="index.html"><span class="logo__mark" aria-hidden="true"></span><span class="logo__name">Vlaanderen</span><span class="logo__tagline">${tagline}</span></a>`;

const header = (inner) => `<header class="global-header">
  <div class="container global-header__inner">
    ${inner}
  </div>
</header>`;

const languages = (label, current) => `<nav aria-label="${label}" class="languages"><a href="index.html"${current === 'nl' ? ' aria-current="page"' : ''} lang="nl">Nederlands</a> <a href="en.html"${current === 'en' ? ' aria-current="page"' : ''} lang="en">English</a></nav>`;

const breadcrumb = (label, items, here) => `<nav aria-label="${label}" class="breadcrumb container">
  <ol>
${items.map((i) => `    <li><a href="index.html">${i}</a></li>`).join('\n')}
    <li aria-current="page">${here}</li>
  </ol>
</nav>`;

const article = ({ lang, h1, intro, privacy, guideTitle, help }) => `<article class="article">
  <h1>${h1}</h1>
  <p class="intro">${intro}</p>
  <p>${privacy}</p>
  <section class="guide-section" aria-labelledby="wegwijzer-titel">
    <h2 id="wegwijzer-titel" class="guide-section__title">${guideTitle}</h2>
    <wegwijzer-guide bundle="bundles/@RULESET_ID@.dsse.json" ruleset-id="@RULESET_ID@" lang="${lang}"><!-- @FIRST_SCREEN@ --></wegwijzer-guide>
  </section>
</article>
<aside class="aside" aria-labelledby="contact-titel">
${help}
</aside>`;

export const PAGES = {
  'index.html': {
    lang: 'nl',
    title: 'Opleidingsincentives: waar heb je recht op?',
    site: 'Vlaanderen.be (demo)',
    head: SCRIPT,
    skip: 'Naar de inhoud',
    header: header(`${logo('is opleiden')}\n    ${languages('Taal', 'nl')}`),
    banner: 'Demonstratiepagina. Dit is niet de echte website van de Vlaamse overheid.',
    before: breadcrumb('Kruimelpad', ['Vlaanderen.be', 'Onderwijs en vorming', 'Vlaamse opleidingsincentives'], 'Waar heb je recht op?'),
    mainClass: 'container layout',
    main: article({
      lang: 'nl',
      h1: 'Opleidings&shy;incentives: waar heb je recht op?',
      intro: 'Wil je een opleiding volgen? De Vlaamse overheid helpt je met geld, met tijd en met begeleiding. Beantwoord een paar vragen en je ziet meteen op welke steun je recht hebt, waarom, en hoe je ze aanvraagt.',
      privacy: 'Je antwoorden blijven op je eigen toestel. Ze worden nergens naartoe gestuurd en nergens bewaard.',
      guideTitle: 'Wegwijzer opleidingsincentives',
      help: `  <h2 id="contact-titel">Hulp nodig?</h2>
  <p>Bel gratis naar de Vlaamse Infolijn op <strong>1700</strong>, elke werkdag van 9 tot 19 uur.</p>
  <p><a href="https://www.vlaanderen.be/vlaamse-opleidingsincentives">Meer over de Vlaamse opleidingsincentives</a></p>`,
    }),
    footer: `<p class="global-footer__name">Vlaanderen <span>is opleiden</span></p>
<p>Demo van de Wegwijzer. <a href="iframe-demo.html">Dezelfde wegwijzer in een iframe</a>.
  <a href="opleidingen.html">Op opleidingspagina's (VDAB-stijl)</a>.
  <a href="kiosk.html">Als kiosk in een leerwinkel</a>.</p>`,
  },
  'en.html': {
    lang: 'en',
    title: 'Training incentives: what are you entitled to?',
    site: 'Vlaanderen.be (demo)',
    head: SCRIPT,
    skip: 'Skip to content',
    header: header(`${logo('is opleiden')}\n    ${languages('Language', 'en')}`),
    banner: 'Demonstration page. This is not the real website of the Flemish government.',
    before: breadcrumb('Breadcrumb', ['Vlaanderen.be', 'Education and training', 'Flemish training incentives'], 'What are you entitled to?'),
    mainClass: 'container layout',
    main: article({
      lang: 'en',
      h1: 'Training incentives: what are you entitled to?',
      intro: 'Do you want to follow a training? The Flemish government helps you with money, with time and with guidance. Answer a few questions and see at once which support you are entitled to, why, and how to apply.',
      privacy: 'Your answers stay on your own device. They are not sent or stored anywhere.',
      guideTitle: 'Training incentives guide',
      help: `  <h2 id="contact-titel">Need help?</h2>
  <p>Call the Flemish information line on <strong>1700</strong> free of charge, every working day from 9 am to 7 pm.</p>
  <p><a href="https://www.vlaanderen.be/vlaamse-opleidingsincentives">More about the Flemish training incentives (in Dutch)</a></p>`,
    }),
    footer: `<p class="global-footer__name">Vlaanderen <span>is training</span></p>
<p>Demo of the guide. <a href="iframe-demo.html">The same guide in an iframe</a>.
  <a href="opleidingen.html" hreflang="nl">On course pages (VDAB style, in Dutch)</a>.
  <a href="kiosk.html">As a kiosk in a leerwinkel</a>.</p>`,
  },
  'iframe-demo.html': {
    lang: 'nl',
    title: 'Wegwijzer in een iframe',
    site: 'Vlaanderen.be (demo)',
    head: '<script type="module" src="iframe-demo.js"></script>',
    skip: 'Naar de inhoud',
    header: header(logo('is opleiden')),
    banner: 'Demonstratiepagina. Dit is niet de echte website van de Vlaamse overheid.',
    main: `<article class="article">
  <h1>Wegwijzer in een iframe</h1>
  <p class="intro">Deze pagina toont dezelfde wegwijzer in een iframe. Zo blijft de wegwijzer volledig gescheiden van de pagina eromheen. De iframe meldt alleen zijn hoogte aan deze pagina.</p>
  <!-- The iframe's height follows the messages of iframe.js; 40em until the first one arrives. -->
  <iframe class="guide-frame" src="iframe.html?lang=nl&amp;bundle=bundles/@RULESET_ID@.dsse.json&amp;ruleset-id=@RULESET_ID@" title="Wegwijzer opleidingsincentives"></iframe>
</article>`,
    footer: `<p class="global-footer__name">Vlaanderen <span>is opleiden</span></p>
<p><a href="index.html">Terug naar de demo met het ingebedde element</a>.</p>`,
  },
};
