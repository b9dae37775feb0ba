// The browser's Back and Forward between a guide's screens. Each step forward
// adds a history entry whose state is the session's mark and a step number,
// never an answer; the URL does not change. Entries of another session or
// another guide are left alone.
//
// An entry is written after the next screen is painted: Chromium's pushState
// can take 10 ms or more, and the person waits for the screen, not for the
// entry. A Back that reaches the guide before that is handled in popState();
// one the browser decided before the entry was written but delivers after
// moves from the entry before it (two screens back, nothing lost, Forward
// works).
export class StepHistory {
  #mark = null;
  #depth = 0; // the step number of the entry the session stands on
  #unpushed = []; // entries of steps already shown, not yet written
  #move;

  // move(steps): show the screen `steps` away (negative: back that many;
  // positive: forward one at a time, as far as the interview has been).
  constructor(move) {
    this.#move = move;
  }

  // A new session: the entries written so far stay, but are not ours any more.
  reset() {
    this.flush();
    this.#mark = `${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
    this.#depth = 0;
  }

  // A step forward was shown.
  step() {
    this.#depth += 1;
    this.#unpushed.push({ wegwijzer: this.#mark, step: this.#depth });
    if (this.#unpushed.length === 1) requestAnimationFrame(() => setTimeout(() => this.flush()));
  }

  flush() {
    for (const state of this.#unpushed.splice(0)) history.pushState(state, '');
  }

  // The guide's own Back goes through the history, so that the browser's
  // Back and Forward stay in step with it. False when there is no step of
  // this session to go back to.
  back() {
    this.flush();
    if (this.#depth === 0) return false;
    history.back();
    return true;
  }

  // The browser moved to another entry: ours (a step number) or the page's
  // own (step 0).
  popState(state) {
    if (state && state.wegwijzer !== undefined && state.wegwijzer !== this.#mark) return;
    const target = state && Number.isInteger(state.step) ? state.step : 0;
    if (this.#unpushed.length) {
      // The browser moved within a frame of an answer, from the last entry
      // written rather than from the screen shown. Put the missing entries in
      // (forward ones included), then make the same move from the screen
      // shown: its popstate comes back here with nothing pending.
      const move = target - (this.#depth - this.#unpushed.length);
      this.#unpushed = [];
      if (target > 0) history.replaceState({ wegwijzer: this.#mark, step: target }, '');
      for (let step = target + 1; step <= this.#depth; step += 1) {
        history.pushState({ wegwijzer: this.#mark, step }, '');
      }
      if (move) history.go(move);
      return;
    }
    const steps = target - this.#depth;
    this.#depth = target;
    if (steps) this.#move(steps);
  }
}
