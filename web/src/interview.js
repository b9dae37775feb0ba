// The interview, without the DOM: the answers (memory only), "I don't know",
// the questions asked in order, which screen is on (a question, the check
// page, the results, a course summary), Back and Forward, stopping early and
// going on, and what the core says about all of it. guide.js renders it and
// ties it to the browser's history; tests/wasm/interview.test.mjs runs it in
// Node with the real core.
//
// The core is reached through one function the caller gives:
//   status(answers)   the compact evaluation (rules-format.md §10, "Status
//                     form") of an answers object, as parsed JSON; it also
//                     says which questions do not apply (`notApplicable`).
// One evaluation per set of answers: the caller may memoise it.

// "I don't know" as the core reads it (rules-format.md §7.1).
export const DONT_KNOW = Object.freeze({ unknown: true });

// The answers a question offers, when it has a short list: choice and yes/no.
export const answerValues = (question) => (question.type === 'choice' ? question.options.map((o) => o.value)
  : question.type === 'boolean' ? [true, false] : []);

// The core's expected number of questions still to come, as a whole number
// a person reads ("Nog ongeveer 4 vragen"): at least 1 while any is left.
export const questionsLeft = (progress) => (progress.expected > 0 ? Math.max(1, Math.round(progress.expected)) : 0);

export class Interview {
  // questions: Map id -> {id, course, goal, options: [{value, pillars}]};
  // facts: a course's facts (course pages); course: a course page, where
  // neither the course's facts nor the goal are asked.
  constructor({ status, questions, facts = {}, course = false }) {
    this.status = (answers = this.answers, unknown = this.unknown) => status(this.withFacts(answers, unknown));
    this.questions = questions;
    this.facts = facts;
    this.course = course;
    this.clear();
  }

  clear() {
    this.answers = {}; // question id -> answer
    this.unknown = new Set(); // questions answered with "I don't know"
    this.path = []; // the questions asked, in order
    this.index = 0; // position in path of the question on screen
    this.changing = false; // came from a "Wijzig" button on the check page
    this.early = false; // the results were opened from a question
    this.screen = this.course ? 'course' : 'question';
  }

  get inProgress() {
    return Object.keys(this.answers).length > 0 || this.unknown.size > 0;
  }

  // The question on screen.
  get current() {
    return this.screen === 'question' ? this.path[this.index] : null;
  }

  // What the core evaluates: the course's facts, the answers, and "I don't
  // know" for the questions the person does not know. On a course page a
  // fact of the course the page did not give is one the person cannot be
  // expected to know either: it stays open ("Misschien, als …") and is not
  // asked; nor is the goal: the page is about all the course can unlock.
  withFacts(answers = this.answers, unknown = this.unknown) {
    const out = { ...this.facts, ...answers };
    for (const id of unknown) out[id] = DONT_KNOW;
    if (this.course) {
      for (const q of this.questions.values()) if ((q.course || q.goal) && !(q.id in out)) out[q.id] = DONT_KNOW;
    }
    return out;
  }

  // What the core is asked after `value` is submitted for question `id`.
  withAnswer(id, value) {
    const unknown = new Set(this.unknown);
    unknown.delete(id);
    return this.withFacts({ ...this.answers, [id]: value }, unknown);
  }

  // The core's best next question (it leaves out what is not to be asked).
  nextQuestion() {
    return this.status().next[0];
  }

  // The start of a session: the first question, or the check page when the
  // course's facts already settle everything.
  start() {
    this.clear();
    const next = this.nextQuestion();
    if (next) {
      this.path = [next];
      this.screen = 'question';
    } else {
      this.screen = 'check';
    }
  }

  // read: {value} or {unknown: true}. Returns 'refused' when the core
  // refuses the answer (it is then not kept), else null.
  submit(read) {
    const id = this.current;
    if (read.unknown) {
      delete this.answers[id];
      this.unknown.add(id);
    } else {
      this.answers[id] = read.value;
      this.unknown.delete(id);
      if (this.status().errors.some((e) => e.path === `/${id}`)) {
        delete this.answers[id];
        return 'refused';
      }
    }
    this.prune();
    const next = this.nextQuestion();
    const at = this.path.indexOf(id);
    if (!this.changing && at >= 0 && at + 1 < this.path.length) {
      this.index = at + 1; // walking forward again after Back
    } else if (next) {
      this.path.push(next);
      this.index = this.path.length - 1;
      this.changing = false;
    } else {
      this.screen = 'check';
    }
    return null;
  }

  // Answers that no longer count are forgotten, so the check page shows
  // only what decides the result: those to questions that no longer apply
  // (their askIf became false after a change). An "I don't know" stays
  // while the core would ask that question again without it.
  prune() {
    for (const id of this.status().notApplicable) delete this.answers[id];
    for (const id of [...this.unknown]) {
      const others = new Set([...this.unknown].filter((u) => u !== id));
      if (!this.status(this.answers, others).next.includes(id)) this.unknown.delete(id);
    }
    this.path = this.path.filter((id) => id in this.answers || this.unknown.has(id));
  }

  back() {
    if (this.screen === 'question' && !this.changing && this.index > 0) {
      this.index -= 1;
    } else if (this.screen === 'question' && !this.changing && this.course) {
      this.screen = 'course'; // back from the first question to the course summary
    } else if (this.screen === 'question') {
      this.screen = 'check';
      this.changing = false;
    } else if (this.screen === 'check' && this.path.length) {
      this.screen = 'question';
      this.index = this.path.length - 1;
    } else if (this.screen === 'check' && this.course) {
      this.screen = 'course';
    } else if (this.screen === 'results' && this.early && this.path.length) {
      this.screen = 'question';
    } else if (this.screen === 'results') {
      this.screen = 'check';
    }
  }

  // Forward after Back: to the next screen already seen.
  forward() {
    if (this.screen === 'course' && this.path.length) {
      this.screen = 'question';
      this.index = 0;
    } else if (this.screen === 'question' && !this.changing && this.index + 1 < this.path.length) {
      this.index += 1;
    } else if (this.screen === 'question' && this.early) {
      this.screen = 'results';
    } else if (this.screen === 'question') {
      this.screen = 'check';
      this.changing = false;
    } else if (this.screen === 'check') {
      this.screen = 'results';
    }
  }

  // "Wijzig" on the check page.
  change(id) {
    this.screen = 'question';
    this.changing = true;
    this.index = this.path.indexOf(id);
  }

  checkPage() {
    this.screen = 'check';
    this.early = false;
  }

  // The results: from the check page, or early from a question ("Toon wat
  // nu al vaststaat").
  showResults(early) {
    this.early = early;
    this.screen = 'results';
  }

  // From the results back into the interview, at the core's next question.
  askNext() {
    this.prune();
    const next = this.nextQuestion();
    if (!next) return this.showResults(false);
    if (!this.path.includes(next)) this.path.push(next);
    this.index = this.path.indexOf(next);
    this.changing = false;
    this.early = false;
    this.screen = 'question';
    return undefined;
  }

  // The progress line of a question screen: answers that count (the
  // course's facts do not: the person did not give them) and questions left.
  progress(factsAnswered = 0) {
    const p = this.status().progress;
    return { answered: Math.max(0, p.answered - factsAnswered), left: questionsLeft(p) };
  }

  get goal() {
    return [...this.questions.values()].find((q) => q.goal) || null;
  }

  // The goal's option that pursues every result.
  get everything() {
    return this.goal?.options.find((o) => !o.pillars || !o.pillars.length) || null;
  }

  // On the results page: the questions left when the person stopped early,
  // and the pillars of the incentives they did not ask for that are still
  // open (rules-format.md §3.1), with the questions asking for them takes.
  // `results`: the evaluation's results (id, kind, pillar, status, pursued).
  resultsProgress(results) {
    const status = this.status();
    const left = status.next.length ? questionsLeft(status.progress) : 0;
    const { goal, everything } = this;
    let offer = { topics: [], left: 0 };
    if (goal && everything && this.answers[goal.id] !== undefined && this.answers[goal.id] !== everything.value) {
      const topics = [...new Set(results
        .filter((r) => r.pursued === false && r.status === 'unknown' && r.kind === 'incentive').map((r) => r.pillar))];
      const wider = this.status({ ...this.answers, [goal.id]: everything.value });
      if (topics.length && wider.next.length) offer = { topics, left: questionsLeft(wider.progress) };
    }
    return { left, offer };
  }

  // "Ja, stel die vragen": every result, from the next question on.
  widen() {
    this.answers[this.goal.id] = this.everything.value;
    this.unknown.delete(this.goal.id);
    return this.askNext();
  }
}
