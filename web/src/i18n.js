// Interface strings of the widget, Dutch first (B1 plain language), English
// complete. Texts of questions and results come from the ruleset, not from here.
// A value is a string or a function of its parameters.

const STRINGS = {
  nl: {
    loading: 'De wegwijzer laadt…',
    next: 'Volgende',
    dontKnow: 'Ik weet het niet',
    back: 'Terug',
    yes: 'Ja',
    no: 'Nee',
    day: 'Dag',
    month: 'Maand',
    year: 'Jaar',
    dateHint: 'Bijvoorbeeld 27 3 2026.',
    // `left`: the core's expected number of questions still to come (rules-format.md §8.5), rounded.
    progress: (answered, left) => [
      answered ? `${answered} ${answered === 1 ? 'vraag' : 'vragen'} beantwoord.` : '',
      left ? `Nog ongeveer ${left} ${left === 1 ? 'vraag' : 'vragen'}.` : '',
    ].join(' ').trim(),
    showSoFar: 'Toon wat nu al vaststaat',
    unfinished: (left) => `Je hebt nog niet alle vragen beantwoord. Wat nog open is, staat bij "Misschien". Met nog ongeveer ${left} ${left === 1 ? 'vraag' : 'vragen'} weet je meer.`,
    continueQuestions: 'Ga verder met de vragen',
    offer: (topics, left) => `Wil je ook weten ${topics}? Dan stellen we nog ongeveer ${left} ${left === 1 ? 'vraag' : 'vragen'}.`,
    offerTopic: { geld: 'of je minder betaalt voor een opleiding', tijd: 'of je tijd krijgt om te leren', begeleiding: 'of je hulp krijgt bij je loopbaan' },
    offerAnd: ' en ',
    offerButton: 'Ja, stel die vragen',
    summaryTitle: 'In het kort',
    summaryEligible: 'Je hebt recht op',
    summaryPossible: 'Misschien ook',
    summaryNext: 'Wat doe je nu?',
    summaryNextHelp: 'Bel gratis 1700, de Vlaamse Infolijn. Zij zoeken met je mee.',
    more: 'Waarom, let op en bronnen',
    sources: 'Bronnen',
    errorSummary: 'Er is een probleem',
    errorChoose: 'Kies een antwoord.',
    errorNumber: (min, max) => `Geef een getal van ${min} tot en met ${max}.`,
    errorDate: 'Geef een bestaande datum: dag, maand en jaar in cijfers.',
    errorCore: 'Dit antwoord kunnen we niet gebruiken. Kijk het na.',
    checkTitle: 'Kijk je antwoorden na',
    checkIntro: 'Klopt alles? Dan zie je op de volgende pagina waar je recht op hebt.',
    change: 'Wijzig',
    changeHidden: (question) => ` je antwoord op: ${question}`,
    noAnswers: 'Je hebt nog geen vragen beantwoord.',
    showResults: 'Bekijk je resultaat',
    resultsTitle: 'Je resultaat',
    resultsIntro: (date) => `Dit is een inschatting op ${date}, geen beslissing. De dienst die de steun geeft, beslist.`,
    groupEligible: 'Je hebt recht op',
    groupPossible: 'Misschien, als …',
    groupOther: 'Andere steun',
    groupNotEligible: 'Waarom niet?',
    notEligibleIntro: 'Op deze steun heb je geen recht. Dit is de reden.',
    noneEligible: 'Volgens je antwoorden heb je geen recht op deze Vlaamse opleidingsincentives.',
    nextTitle: 'Wat kan je nu doen?',
    nextNone: [
      { text: 'Werk je? Vraag je werkgever of die een opleiding betaalt.' },
      { text: 'Ben je werkzoekende? VDAB helpt je gratis een opleiding te vinden.', url: 'https://www.vdab.be/opleidingen' },
    ],
    nextHelp: 'Heb je een vraag? Bel gratis 1700, de Vlaamse Infolijn. Zij zoeken met je mee.',
    possibleIf: 'Je hebt er misschien recht op, als:',
    possibleUnsure: 'Dat kan deze wegwijzer niet zeker zeggen. Lees hieronder waarom en wie het je kan zeggen.',
    reasons: 'Waarom',
    amounts: 'Hoeveel',
    cautions: 'Let op',
    apply: 'Zo vraag je het aan',
    source: 'bron',
    newWindow: '(opent in een nieuw venster)',
    outcome: { met: 'voldaan', 'not-met': 'niet voldaan', open: 'nog niet bekend' },
    hours: (n) => `${n} uur`,
    print: 'Afdrukken',
    changeAnswers: 'Wijzig je antwoorden',
    restart: 'Opnieuw beginnen',
    restartKiosk: 'Klaar: alles wissen',
    announceResults: (e, p, o) =>
      `Je resultaat is klaar. Recht op: ${e}. Misschien: ${p}. Andere steun: ${o}.`,
    rulesVersion: (version, date) => `Regels versie ${version} van ${date}`,
    courseTitle: 'Steun voor deze opleiding',
    courseCanUnlock: 'Met deze opleiding kan je recht hebben op',
    courseIf: 'Als:',
    courseForWhom: 'voor wie?',
    courseEveryone: 'Voor iedereen die deze opleiding volgt.',
    courseBlocked: 'Niet met deze opleiding',
    courseAlso: 'Ook voor jou:',
    courseAlsoWhy: 'Dat hangt niet af van de opleiding. Na de vragen zie je of je er recht op hebt. Je ziet dan ook andere steun.',
    courseNone: 'Met deze opleiding heb je geen recht op de Vlaamse opleidingsincentives.',
    courseNote: 'Of je er echt recht op hebt, hangt af van jouw situatie.',
    courseCheck: 'Bekijk wat jij krijgt',
    courseCheckHint: 'We vragen alleen naar jouw situatie. Wat we over de opleiding weten, is al ingevuld.',
    courseFacts: 'Over de opleiding',
    courseFactsIntro: 'Dit weten we al van de opleiding. Je hoeft het niet in te vullen.',
    answersOnPaper: 'Zet ook mijn antwoorden op het papier',
    answersOnPaperHint: 'Zonder vinkje staan alleen je resultaat en de regels op het papier, niet je antwoorden.',
    receiptTitle: 'Over dit resultaat',
    receiptRules: (id, version, date) => `Regels: ${id}, versie ${version} van ${date}`,
    receiptFingerprint: 'Vingerafdruk',
    receiptDate: (date) => `Berekend voor ${date}`,
    receiptAnswers: 'Je antwoorden',
    address: 'adres',
    builtInRules: 'ingebouwde regels',
    fallbackTitle: 'We gebruiken de ingebouwde regels',
    fallbackText: (reason) =>
      `We konden de nieuwste regels niet gebruiken: ${reason} Daarom gebruikt de wegwijzer de regels die erin zijn ingebouwd. Die kunnen ouder zijn.`,
    expiredTitle: 'Deze regels zijn verlopen',
    expiredText: (date) =>
      `De regels zijn verlopen op ${date}. Er zijn misschien nieuwere regels. Kijk je resultaat na bij de dienst die de steun toekent.`,
    staleTitle: 'Deze regels zijn misschien niet de nieuwste',
    staleText: (date) =>
      `Deze regels waren de nieuwste tot ${date}. Er zijn misschien nieuwere regels. Kijk je resultaat na bij de dienst die de steun toekent.`,
    failTitle: 'De wegwijzer werkt nu niet',
    failText: (reason) => `We kunnen je nu geen resultaat tonen: ${reason}`,
    failHelp: 'Je vindt alle informatie over opleidingsincentives ook op vlaanderen.be. Of bel gratis 1700, de Vlaamse Infolijn.',
    failLink: 'Vlaamse opleidingsincentives op vlaanderen.be',
    reason: {
      network: 'we konden ze niet ophalen.',
      'too-large': 'het bestand met de regels is te groot.',
      malformed: 'het bestand met de regels is beschadigd.',
      'duplicate-key': 'het bestand met de regels is beschadigd.',
      'bad-envelope': 'het bestand met de regels is beschadigd.',
      'non-canonical-base64': 'het bestand met de regels is beschadigd.',
      'wrong-payload-type': 'het bestand bevat geen regels.',
      'unknown-key': 'de regels zijn niet ondertekend door de Vlaamse overheid.',
      'key-not-valid': 'de sleutel waarmee de regels zijn ondertekend, is niet meer geldig.',
      'bad-signature': 'de regels zijn veranderd nadat ze ondertekend werden.',
      'threshold-not-met': 'de regels zijn niet door genoeg mensen ondertekend.',
      'invalid-ruleset': 'de regels bevatten een fout.',
      'wrong-ruleset-id': 'het bestand bevat andere regels dan gevraagd.',
      rollback: 'ze zijn ouder dan de regels die dit toestel al eerder gebruikte.',
      'version-reused': 'ze hebben hetzelfde versienummer als regels die dit toestel al gebruikte, maar een andere inhoud.',
      expired: 'de regels zijn te lang verlopen.',
      stale: 'het is een oude kopie van de regels. Er zijn waarschijnlijk nieuwere.',
      'no-ed25519': 'deze browser kan de handtekening van de regels niet nakijken. Gebruik een recente browser.',
      'no-core': 'de rekenmodule van de wegwijzer kon niet starten.',
      other: 'er ging iets mis.',
    },
  },
  en: {
    loading: 'The guide is loading…',
    next: 'Continue',
    dontKnow: 'I don’t know',
    back: 'Back',
    yes: 'Yes',
    no: 'No',
    day: 'Day',
    month: 'Month',
    year: 'Year',
    dateHint: 'For example 27 3 2026.',
    progress: (answered, left) => [
      answered ? `${answered} ${answered === 1 ? 'question' : 'questions'} answered.` : '',
      left ? `About ${left} ${left === 1 ? 'question' : 'questions'} to go.` : '',
    ].join(' ').trim(),
    showSoFar: 'Show what is already certain',
    unfinished: (left) => `You have not answered all the questions yet. What is still open is under "Possibly". About ${left} more ${left === 1 ? 'question tells' : 'questions tell'} you more.`,
    continueQuestions: 'Continue with the questions',
    offer: (topics, left) => `Do you also want to know ${topics}? Then we ask about ${left} more ${left === 1 ? 'question' : 'questions'}.`,
    offerTopic: { geld: 'whether you can pay less for a course', tijd: 'whether you can get time to learn', begeleiding: 'whether you can get help with your career' },
    offerAnd: ' and ',
    offerButton: 'Yes, ask those questions',
    summaryTitle: 'In short',
    summaryEligible: 'You are entitled to',
    summaryPossible: 'Possibly also',
    summaryNext: 'What do you do now?',
    summaryNextHelp: 'Call 1700 for free, the Flemish information line. They look for an answer with you.',
    more: 'Why, take note and sources',
    sources: 'Sources',
    errorSummary: 'There is a problem',
    errorChoose: 'Choose an answer.',
    errorNumber: (min, max) => `Enter a number from ${min} to ${max}.`,
    errorDate: 'Enter a real date: day, month and year in figures.',
    errorCore: 'We cannot use this answer. Please check it.',
    checkTitle: 'Check your answers',
    checkIntro: 'Is everything right? The next page shows what you are entitled to.',
    change: 'Change',
    changeHidden: (question) => ` your answer to: ${question}`,
    noAnswers: 'You have not answered any questions yet.',
    showResults: 'See your result',
    resultsTitle: 'Your result',
    resultsIntro: (date) => `This is an estimate on ${date}, not a decision. The service that gives the support decides.`,
    groupEligible: 'You are entitled to',
    groupPossible: 'Possibly, if …',
    groupOther: 'Other support',
    groupNotEligible: 'Why not?',
    notEligibleIntro: 'You are not entitled to this support. This is why.',
    noneEligible: 'According to your answers you are not entitled to these Flemish training incentives.',
    nextTitle: 'What can you do now?',
    nextNone: [
      { text: 'Do you work? Ask your employer whether they pay for a training.' },
      { text: 'Are you a job seeker? VDAB helps you find a training for free.', url: 'https://www.vdab.be/opleidingen' },
    ],
    nextHelp: 'Do you have a question? Call 1700 for free, the Flemish information line. They look for an answer with you.',
    possibleIf: 'You may be entitled to it if:',
    possibleUnsure: 'This guide cannot say for sure. Read below why, and who can tell you.',
    reasons: 'Why',
    amounts: 'How much',
    cautions: 'Please note',
    apply: 'How to apply',
    source: 'source',
    newWindow: '(opens in a new window)',
    outcome: { met: 'met', 'not-met': 'not met', open: 'not known yet' },
    hours: (n) => `${n} ${n === 1 ? 'hour' : 'hours'}`,
    print: 'Print',
    changeAnswers: 'Change your answers',
    restart: 'Start again',
    restartKiosk: 'Done: wipe everything',
    announceResults: (e, p, o) =>
      `Your result is ready. Entitled to: ${e}. Possibly: ${p}. Other support: ${o}.`,
    rulesVersion: (version, date) => `Rules version ${version} of ${date}`,
    courseTitle: 'Support for this course',
    courseCanUnlock: 'With this course you may be entitled to',
    courseIf: 'If:',
    courseForWhom: 'for whom?',
    courseEveryone: 'For everyone who takes this course.',
    courseBlocked: 'Not with this course',
    courseAlso: 'Also for you:',
    courseAlsoWhy: 'That does not depend on the course. After the questions you see whether you are entitled to it. You then also see other support.',
    courseNone: 'This course does not give you a right to the Flemish training incentives.',
    courseNote: 'Whether you are really entitled depends on your situation.',
    courseCheck: 'Check your own situation',
    courseCheckHint: 'We only ask about your situation. What we know about the course is already filled in.',
    courseFacts: 'About the course',
    courseFactsIntro: 'We already know this about the course. You do not have to fill it in.',
    answersOnPaper: 'Also put my answers on the paper',
    answersOnPaperHint: 'Without a tick only your result and the rules are on the paper, not your answers.',
    receiptTitle: 'About this result',
    receiptRules: (id, version, date) => `Rules: ${id}, version ${version} of ${date}`,
    receiptFingerprint: 'Fingerprint',
    receiptDate: (date) => `Worked out for ${date}`,
    receiptAnswers: 'Your answers',
    address: 'address',
    builtInRules: 'built-in rules',
    fallbackTitle: 'We are using the built-in rules',
    fallbackText: (reason) =>
      `We could not use the latest rules: ${reason} So the guide uses the rules built into it. These may be older.`,
    expiredTitle: 'These rules have expired',
    expiredText: (date) =>
      `The rules expired on ${date}. Newer rules may exist. Check your result with the service that grants the support.`,
    staleTitle: 'These rules may not be the newest',
    staleText: (date) =>
      `These rules were the newest until ${date}. Newer rules may exist. Check your result with the service that grants the support.`,
    failTitle: 'The guide is not working right now',
    failText: (reason) => `We cannot show you a result now: ${reason}`,
    failHelp: 'You can also find all information about training incentives on vlaanderen.be. Or call 1700, the Flemish information line, free of charge.',
    failLink: 'Flemish training incentives on vlaanderen.be (in Dutch)',
    reason: {
      network: 'we could not fetch them.',
      'too-large': 'the rules file is too large.',
      malformed: 'the rules file is damaged.',
      'duplicate-key': 'the rules file is damaged.',
      'bad-envelope': 'the rules file is damaged.',
      'non-canonical-base64': 'the rules file is damaged.',
      'wrong-payload-type': 'the file does not contain rules.',
      'unknown-key': 'the rules are not signed by the Flemish government.',
      'key-not-valid': 'the key the rules were signed with is no longer valid.',
      'bad-signature': 'the rules were changed after they were signed.',
      'threshold-not-met': 'the rules were not signed by enough people.',
      'invalid-ruleset': 'the rules contain an error.',
      'wrong-ruleset-id': 'the file contains other rules than asked for.',
      rollback: 'they are older than the rules this device used before.',
      'version-reused': 'they have the same version number as rules this device used before, but other content.',
      expired: 'the rules expired too long ago.',
      stale: 'this is an old copy of the rules. Newer rules probably exist.',
      'no-ed25519': 'this browser cannot check the signature of the rules. Please use a recent browser.',
      'no-core': 'the guide’s calculation module could not start.',
      other: 'something went wrong.',
    },
  },
};

// Where to find help when the guide cannot show verdicts (design §6).
export const HELP_URL = 'https://www.vlaanderen.be/vlaamse-opleidingsincentives';

export const LOCALES = Object.keys(STRINGS);

// A locale the widget has: "en-GB" -> "en"; anything unknown -> "nl".
export function pickLocale(lang) {
  const base = String(lang || '').toLowerCase().split('-')[0];
  return LOCALES.includes(base) ? base : 'nl';
}

export function strings(locale) {
  return STRINGS[pickLocale(locale)];
}

// The plain-words reason of a refusal code (bundle-format.md §7), or of the
// widget's own failure codes.
export function reasonText(locale, code) {
  const reasons = strings(locale).reason;
  return reasons[code] || reasons.other;
}

// Belgian number and date forms: "€ 250", "1 juni 2025".
const TAG = { nl: 'nl-BE', en: 'en-BE' };

// One formatter per form: creating an Intl.NumberFormat costs more than
// formatting with it (the first about 3 ms on a desktop), and a results page
// formats dozens of amounts.
const formatters = new Map();
function numberFormat(locale, options) {
  const key = `${locale} ${JSON.stringify(options)}`;
  if (!formatters.has(key)) formatters.set(key, new Intl.NumberFormat(TAG[locale], options));
  return formatters.get(key);
}

export function formatEuro(locale, value) {
  const whole = Number.isInteger(value);
  return numberFormat(pickLocale(locale), {
    style: 'currency', currency: 'EUR',
    minimumFractionDigits: whole ? 0 : 2, maximumFractionDigits: 2,
  }).format(value);
}

export function formatNumber(locale, value) {
  return numberFormat(pickLocale(locale), { maximumFractionDigits: 2 }).format(value);
}

// The long month names, as Intl.DateTimeFormat writes them for nl-BE and
// en-BE (web/tests/i18n.test.mjs compares): written out, because a page's
// first Intl.DateTimeFormat costs about 30 ms on a desktop (loading ICU's
// data; four times that on a phone), and the first screen shows a date.
const MONTHS = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november',
    'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
    'December'],
};

// A YYYY-MM-DD string as a long date ("1 december 2026"), read as a calendar
// date (no time zone).
export function formatDate(locale, iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
  const month = m && MONTHS[pickLocale(locale)][+m[2] - 1];
  return month && +m[3] >= 1 && +m[3] <= 31 ? `${+m[3]} ${month} ${+m[1]}` : String(iso);
}
