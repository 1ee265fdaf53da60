// Ground rules; the facilitator edits them one per line.

import { el, field, memo, replaceKeepingFocus } from '../dom.js';
import { cmd, Limits } from '../protocol.js';
import { t } from '../i18n.js';

export function groundRulesView(root, ctx) {
  const list = el('ul', { class: 'rules-list' });
  const textarea = el('textarea', { rows: 5 });
  const form = el('form', { class: 'stack-form facilitator-only', hidden: true, attrs: { 'aria-label': t('rules.form') } },
    field(t('rules.label'), textarea).wrap, el('button', { type: 'submit', text: t('rules.save') }));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const rules = textarea.value.split('\n').map((r) => r.trim()).filter(Boolean).map((r) => r.slice(0, Limits.TEXT));
    ctx.act(cmd.setGroundRules(rules));
  });
  root.append(list);
  if (!ctx.display) root.append(form);

  const render = memo(([rules, facilitator]) => {
    replaceKeepingFocus(list, rules.length ? rules.map((r) => el('li', { text: r })) : el('li', { class: 'empty', text: t('rules.none') }));
    form.hidden = !facilitator;
    if (document.activeElement !== textarea) textarea.value = rules.join('\n');
  });

  return { update(state, you) { render([state.groundRules, !!(you && you.facilitator)]); } };
}
