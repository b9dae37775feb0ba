// The kiosk page of a leerwinkel (docs/kiosk.md): a welcome screen with the
// choice of language, the guide in kiosk mode, an idle warning, a wipe at the
// end of every session, the rules for staff in the footer, and the service
// worker that lets the kiosk start without a network.
//
// A session starts with a Start button and ends with "Stoppen", with "Opnieuw
// beginnen" on the results, or after the idle time and the warning. Ending
// it wipes: the guide forgets at once, then the page is loaded again, so
// nothing of the session is left in the DOM, in JavaScript's memory or in the
// rule core's memory. location.reload() adds no history entry; nothing is
// written to storage. Only the accepted bundle (Cache Storage) and its
// version number (localStorage) stay on the device.

const TEXT = {
  nl: {
    title: 'Wegwijzer opleidingsincentives (leerwinkel)',
    brand: 'Wegwijzer opleidingsincentives',
    welcomeTitle: 'Welke steun krijg je voor een opleiding?',
    welcomeText: 'Beantwoord een paar vragen. Je ziet meteen op welke Vlaamse steun je recht hebt: geld, tijd of begeleiding. En hoe je die aanvraagt.',
    privacy: 'Je antwoorden blijven op dit toestel. Als je klaar bent of een tijd niets doet, wissen we ze.',
    stop: 'Stoppen en alles wissen',
    idleTitle: 'Ben je er nog?',
    idleText: 'Je hebt een tijd niets gedaan. Zo meteen wissen we je antwoorden, zodat de volgende persoon ze niet ziet.',
    countdown: (s) => `Nog ${s} ${s === 1 ? 'seconde' : 'seconden'}.`,
    continue: 'Ja, ik ga verder',
    stopNow: 'Nee, wis alles',
    paperTitle: (date) => `Wegwijzer opleidingsincentives – je resultaat van ${date}`,
    contactWho: (name) => `Vragen? ${name} helpt je graag.`,
    contactAnyone: 'Vragen? We helpen je graag.',
    contactDefault: 'Vragen? Bel gratis 1700. Dat is de Vlaamse Infolijn.',
    contactPhone: 'tel.',
    contactHours: 'open:',
    rules: (r, date) => `Regels ${r.id}, versie ${r.version} van ${date}`,
    fingerprint: 'vingerafdruk',
    builtIn: 'ingebouwde regels',
    expired: 'verlopen',
    noRules: 'Geen bruikbare regels',
    offlineReady: 'Werkt zonder internet',
    notOfflineReady: 'Nog niet klaar om zonder internet te werken',
    checked: (time, what) => `Nagekeken om ${time}: ${what}`,
    update: {
      current: 'geen nieuwe regels',
      new: (v) => `nieuwe regels (versie ${v}) klaar voor de volgende persoon`,
      refused: (code) => `nieuwe regels geweigerd (${code})`,
      unreachable: 'server niet bereikbaar',
      offline: 'geen internet',
    },
  },
  en: {
    title: 'Training incentives guide (leerwinkel)',
    brand: 'Training incentives guide',
    welcomeTitle: 'What support can you get for a course?',
    welcomeText: 'Answer a few questions. You see straight away which Flemish support you are entitled to: money, time or guidance. And how to apply for it.',
    privacy: 'Your answers stay on this device. When you are done, or do nothing for a while, we wipe them.',
    stop: 'Stop and wipe everything',
    idleTitle: 'Are you still there?',
    idleText: 'You have not done anything for a while. In a moment we wipe your answers, so that the next person does not see them.',
    countdown: (s) => `${s} ${s === 1 ? 'second' : 'seconds'} left.`,
    continue: 'Yes, continue',
    stopNow: 'No, wipe everything',
    paperTitle: (date) => `Training incentives guide – your result of ${date}`,
    contactWho: (name) => `Questions? ${name} is glad to help.`,
    contactAnyone: 'Questions? We are glad to help.',
    contactDefault: 'Questions? Call 1700 for free. That is the Flemish information line.',
    contactPhone: 'phone',
    contactHours: 'open:',
    rules: (r, date) => `Rules ${r.id}, version ${r.version} of ${date}`,
    fingerprint: 'fingerprint',
    builtIn: 'built-in rules',
    expired: 'expired',
    noRules: 'No usable rules',
    offlineReady: 'Works without internet',
    notOfflineReady: 'Not ready to work without internet yet',
    checked: (time, what) => `Checked at ${time}: ${what}`,
    update: {
      current: 'no new rules',
      new: (v) => `new rules (version ${v}) ready for the next person`,
      refused: (code) => `new rules refused (${code})`,
      unreachable: 'server not reachable',
      offline: 'no internet',
    },
  },
};
const TAG = { nl: 'nl-BE', en: 'en-BE' };

const kiosk = document.getElementById('kiosk');
const guide = kiosk.querySelector('wegwijzer-guide');
const welcome = kiosk.querySelector('[data-kiosk="welcome"]');
const session = kiosk.querySelector('[data-kiosk="session"]');
const footer = kiosk.querySelector('[data-kiosk="footer"]');
const dialog = kiosk.querySelector('dialog.kiosk-idle');
const countdown = dialog.querySelector('[data-kiosk="countdown"]');

function seconds(value, fallback) {
  return /^\d{1,6}$/.test(value || '') && Number(value) > 0 ? Number(value) : fallback;
}
const IDLE_SECONDS = seconds(kiosk.dataset.idleSeconds, 120);
const WARN_SECONDS = seconds(kiosk.dataset.warnSeconds, 30);
const paper = kiosk.querySelector('[data-kiosk="paper"]');

let lang = 'nl';
let inSession = false;
let ending = false;
let idleTimer = 0;
let countdownTimer = 0;
let remaining = 0;
// For staff, in the footer: nothing about the person.
const staff = { rules: null, failed: null, update: null, checkedAt: null, offlineReady: false };

// ---- Language: the page's texts and the guide's (the guide keeps the answers).
function setLanguage(next) {
  lang = next === 'en' ? 'en' : 'nl';
  document.documentElement.lang = lang;
  document.title = TEXT[lang].title;
  guide.setAttribute('lang', lang);
  for (const el of kiosk.querySelectorAll('[data-text]')) el.textContent = TEXT[lang][el.dataset.text];
  for (const b of kiosk.querySelectorAll('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  if (dialog.open) showCountdown();
  renderFooter();
  renderPaper();
}

// ---- Sessions
function startSession(language) {
  setLanguage(language);
  inSession = true;
  welcome.hidden = true;
  session.hidden = false;
  for (const b of kiosk.querySelectorAll('.kiosk-header [data-action="stop"]')) b.hidden = false;
  guide.reset({ focus: true }); // rules accepted since the last session apply from here
  restartIdle();
}

// Ends the session and wipes it. The guide forgets now; the reload gives a
// new document (the welcome screen, in Dutch), with the newest accepted rules.
function endSession() {
  if (ending) return;
  ending = true;
  clearTimeout(idleTimer);
  clearInterval(countdownTimer);
  guide.reset();
  if (dialog.open) dialog.close();
  session.hidden = true;
  welcome.hidden = false;
  inSession = false;
  location.reload();
}

// ---- Idle: warn, let the person continue (WCAG 2.2.1), else wipe.
function restartIdle() {
  clearTimeout(idleTimer);
  if (inSession && !ending) idleTimer = setTimeout(warn, IDLE_SECONDS * 1000);
}

function activity() {
  if (inSession && !dialog.open) restartIdle();
}
for (const type of ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'input', 'scroll']) {
  document.addEventListener(type, activity, { capture: true, passive: true });
}

function showCountdown() {
  countdown.textContent = TEXT[lang].countdown(remaining);
}

function warn() {
  if (!inSession || ending) return;
  remaining = WARN_SECONDS;
  showCountdown();
  dialog.showModal();
  dialog.querySelector('[data-action="continue"]').focus();
  countdownTimer = setInterval(() => {
    remaining -= 1;
    if (remaining <= 0) endSession();
    else showCountdown();
  }, 1000);
}

function continueSession() {
  clearInterval(countdownTimer);
  if (dialog.open) dialog.close();
  restartIdle();
}

dialog.addEventListener('cancel', (e) => { e.preventDefault(); continueSession(); }); // Escape: "I am here"
dialog.querySelector('[data-action="continue"]').addEventListener('click', continueSession);
for (const b of kiosk.querySelectorAll('[data-action="stop"]')) b.addEventListener('click', endSession);
for (const b of kiosk.querySelectorAll('[data-start]')) b.addEventListener('click', () => startSession(b.dataset.start));
for (const b of kiosk.querySelectorAll('[data-lang]')) b.addEventListener('click', () => setLanguage(b.dataset.lang));

// "Opnieuw beginnen" on the results: the kiosk wipes instead.
guide.addEventListener('wegwijzer-end', (e) => { e.preventDefault(); endSession(); });

// Leaving the page (a link, Alt+Left): forget first, so that a copy of the
// page kept for "back" (the back/forward cache) holds nothing. Coming back to
// such a copy: load the page again.
window.addEventListener('pagehide', () => guide.reset());
window.addEventListener('pageshow', (e) => { if (e.persisted) location.reload(); });

// ---- On paper only, above the guide's result: a title with the date, and
// where to go with questions (the leerwinkel's data-contact-* settings, in
// the language on screen; without them the free 1700 line).
function contactSetting(name) {
  const key = `contact${name}`;
  const value = (lang === 'en' && kiosk.dataset[`${key}En`]) || kiosk.dataset[key] || '';
  return value.trim();
}

function renderPaper() {
  const t = TEXT[lang];
  const today = new Intl.DateTimeFormat(TAG[lang], { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
  paper.querySelector('[data-kiosk="paper-title"]').textContent = t.paperTitle(today);
  const [name, address, phone, email, web, hours] = ['Name', 'Address', 'Phone', 'Email', 'Web', 'Hours'].map(contactSetting);
  const details = [address, phone && `${t.contactPhone} ${phone}`, email, web, hours && `${t.contactHours} ${hours}`]
    .filter(Boolean);
  const lines = [];
  if (name || details.length) {
    lines.push(name ? t.contactWho(name) : t.contactAnyone);
    if (details.length) lines.push(details.join(' · '));
  } else {
    lines.push(t.contactDefault);
  }
  paper.querySelector('[data-kiosk="contact"]').replaceChildren(...lines.map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    return p;
  }));
}
window.addEventListener('beforeprint', renderPaper); // the date of the printing

// ---- The rules, for staff
function formatDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  if (!m) return String(iso);
  return new Intl.DateTimeFormat(TAG[lang], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])));
}

function renderFooter() {
  const t = TEXT[lang];
  const rulesLine = footer.querySelector('[data-kiosk="rules"]');
  const statusLine = footer.querySelector('[data-kiosk="status"]');
  if (staff.rules) {
    const { ruleset, fingerprint, builtIn, expired } = staff.rules;
    const parts = [t.rules(ruleset, formatDate(ruleset.published))];
    if (fingerprint) parts.push(`${t.fingerprint} ${fingerprint.slice(0, 16).match(/.{4}/g).join(' ')}`);
    if (builtIn) parts.push(t.builtIn);
    if (expired) parts.push(t.expired);
    rulesLine.textContent = parts.join(' · ');
    footer.dataset.rulesVersion = ruleset.version;
    footer.dataset.fingerprint = fingerprint || '';
  } else if (staff.failed) {
    rulesLine.textContent = `${t.noRules} (${staff.failed})`;
  }
  const status = [staff.offlineReady ? t.offlineReady : t.notOfflineReady];
  if (staff.update) {
    const u = staff.update;
    const what = u.status === 'new' ? t.update.new(u.ruleset.version)
      : u.status === 'refused' ? t.update.refused(u.code) : t.update[u.status] || u.status;
    const time = new Intl.DateTimeFormat(TAG[lang], { hour: '2-digit', minute: '2-digit' }).format(staff.checkedAt);
    status.push(t.checked(time, what));
    footer.dataset.updateStatus = u.status;
  }
  statusLine.textContent = status.join(' · ');
  footer.dataset.offlineReady = String(staff.offlineReady);
}

guide.addEventListener('wegwijzer-ready', (e) => {
  staff.rules = e.detail;
  staff.failed = null;
  if (staff.update && staff.update.status === 'new' && staff.update.ruleset.version === e.detail.ruleset.version) {
    staff.update = { status: 'current' };
  }
  renderFooter();
});
guide.addEventListener('wegwijzer-failed', (e) => { staff.failed = e.detail.code; staff.rules = null; renderFooter(); });
guide.addEventListener('wegwijzer-update', (e) => {
  staff.update = e.detail;
  staff.checkedAt = new Date();
  // Nobody in a session: use the new rules straight away (the guide is not
  // on screen). Otherwise they wait for the next session.
  if (e.detail.status === 'new' && !inSession) guide.reset();
  renderFooter();
});

// ---- Offline: the service worker keeps the code and the pages; the guide
// keeps the last accepted bundle (web/kiosk/kiosk-sw.js).
if ('serviceWorker' in navigator) {
  const ready = () => {
    staff.offlineReady = !!navigator.serviceWorker.controller;
    renderFooter();
  };
  navigator.serviceWorker.addEventListener('controllerchange', ready);
  navigator.serviceWorker.register('kiosk-sw.js', { scope: './kiosk' })
    .then(() => navigator.serviceWorker.ready)
    .then(ready)
    .catch((e) => console.warn('kiosk: no service worker, so no offline start:', e));
}

setLanguage('nl');
