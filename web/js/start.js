// Entry module of the start page /: create a session, keep its facilitator
// key in this browser, show the facilitator link once, go to the session.

import { createSession, httpErrorSentence } from './api.js';
import { errorSentence, HttpClientCode } from './protocol.js';
import { BrowserMemory, facilitatorLink, normaliseCode } from './storage.js';
import { copyText } from './dom.js';
import { currentLanguage, languages, LANGUAGE_NAMES, t } from './i18n.js';
import { applyLanguage, languagePicker } from './language.js';

const $ = (id) => document.getElementById(id);
applyLanguage({ remember: true });
$('topbar').append(languagePicker());
sessionLanguages($('session-language'));
/** The session's own language (its agenda, prompts, ground rules), the page's by default. */
function sessionLanguages(select) {
  for (const l of languages()) {
    const option = document.createElement('option');
    option.value = l;
    option.lang = l;
    option.textContent = LANGUAGE_NAMES[l];
    option.selected = l === currentLanguage();
    select.append(option);
  }
}

let memory;
try { memory = new BrowserMemory(window.localStorage); } catch { memory = new BrowserMemory(null); }

$('create-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = e.currentTarget;
  const button = form.querySelector('button[type=submit]');
  const title = $('title').value.trim();
  if (!title) { $('title').focus(); return; }
  const template = form.querySelector('input[name=template]:checked').value;
  const token = $('token').value.trim() || undefined;
  const language = $('session-language').value;
  $('create-error').textContent = '';
  button.disabled = true;
  const res = await createSession({ title, template, token, language });
  button.disabled = false;
  if (!res.ok) {
    if (res.code === HttpClientCode.UNAUTHORIZED) {
      $('token-field').hidden = false;
      $('create-error').textContent = token
        ? t('start.token.refused')
        : httpErrorSentence(res.code, errorSentence);
      $('token').focus();
      return;
    }
    $('create-error').textContent = httpErrorSentence(res.code, errorSentence);
    return;
  }
  const { code, facilitatorKey } = res.data;
  memory.setFacilitatorKey(code, facilitatorKey);
  const link = facilitatorLink(location.origin, code, facilitatorKey);
  $('facilitator-link').value = link;
  $('join-link').textContent = `${location.origin}/s/${code}`;
  $('continue').href = `/s/${encodeURIComponent(code)}`;
  $('create').hidden = true;
  $('join-existing').hidden = true;
  $('created').hidden = false;
  $('created').focus();
});

$('copy-link').addEventListener('click', async () => {
  const ok = await copyText($('facilitator-link').value, $('facilitator-link'));
  $('copy-status').textContent = t(ok ? 'session.keyCopied' : 'session.copyManual');
});

$('join-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const raw = $('join-code').value.trim();
  // Accept a pasted join link as well as a bare code.
  const m = /\/s\/([^/?#\s]+)/.exec(raw);
  const code = normaliseCode(m ? decodeURIComponent(m[1]) : raw);
  if (code) location.assign(`/s/${encodeURIComponent(code)}`);
});
