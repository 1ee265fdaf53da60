// The member page's stage: the active agenda item (kind, title, prompt, time
// left) and, under it, the panel that holds the one control that matters now.
// Panels are moved, not copied, between the stage and the collapsed "more"
// list, so each control exists once and keeps its state and focus.

import { el, memo, moveKeepingFocus, typingIn } from '../dom.js';
import { t } from '../i18n.js';
import { between, StageKind, stageKey, stageOf, unscheduledWords } from '../stage-model.js';
import { timerView } from './timer.js';

/**
 * `panels`: {name: {section, home}} where `section` is the panel's element
 * and `home` the collapsed <details> it lives in when it is not on stage.
 */
export function stageView(root, ctx, panels) {
  const kindLine = el('p', { class: 'stage-kind' });
  const title = el('h2', { id: 'now-h', class: 'stage-title' });
  const prompt = el('p', { class: 'stage-prompt' });
  const note = el('p', { class: 'stage-note meta' });
  const clock = el('div', { class: 'stage-clock' });
  const head = el('div', { class: 'stage-head' }, el('div', { class: 'stage-words' }, kindLine, title, prompt, note), clock);
  const control = el('div', { class: 'stage-control' });
  root.append(head, control);
  const timer = timerView(clock, ctx);

  let onStage = [];
  let lastKey;

  // A panel that leaves the stage while someone types in it stays until they leave the field.
  root.addEventListener('focusout', () => setTimeout(() => place(onStage), 0));

  function place(names) {
    onStage = names;
    for (const [name, p] of Object.entries(panels)) {
      const wanted = names.includes(name);
      const stay = !wanted && p.section.parentNode === control && typingIn(p.section);
      p.home.hidden = wanted || stay;
      if (!wanted && !stay && p.section.parentNode !== p.home) moveKeepingFocus(p.home, p.section);
    }
    for (const name of names) if (panels[name]) moveKeepingFocus(control, panels[name].section);
  }

  const render = memo(([stage]) => {
    const { kind, item, phase } = stage;
    root.dataset.stage = kind;
    root.dataset.phase = phase;
    const kindText = t(`stage.kind.${kind}`);
    kindLine.textContent = kind === StageKind.BOARD ? `${kindText} · ${t(`stage.phase.${phase}`)}` : kindText;
    const words = unscheduledWords(kind, stage.between);
    title.textContent = item ? item.title : t(words.title);
    prompt.textContent = item || stage.prompt || !words.prompt ? stage.prompt : t(words.prompt);
    note.textContent = kind === StageKind.BREAK ? t('stage.break.note') : '';
    place(stage.panels);
  });

  return {
    update(state, you, me) {
      const stage = stageOf(state);
      render([{ kind: stage.kind, item: stage.item && { id: stage.item.id, title: stage.item.title },
        prompt: stage.prompt, phase: stage.phase, panels: stage.panels, between: between(state, stage.kind) }]);
      timer.update(state, you, me);
      const key = stageKey(stage);
      if (lastKey !== undefined && key !== lastKey) ctx.announce(stageSentence(stage), { first: true });
      lastKey = key;
    },
    tick(now) { timer.tick(now); },
  };
}

/** One sentence per stage change: what the room does now. */
export function stageSentence(stage) {
  if (stage.kind === StageKind.BOARD) {
    const phase = t('stage.announce.board', { phase: t(`stage.phase.${stage.phase}`) });
    return stage.item ? `${t('stage.announce.item', { title: stage.item.title })} ${phase}` : phase;
  }
  return stage.item ? t('stage.announce.item', { title: stage.item.title }) : t('stage.announce.ended');
}
