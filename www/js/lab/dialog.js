// Questions asked in the page, in a modal <dialog> (never window.confirm or prompt, which block
// the page, cannot be styled and read the same on every site): the keyboard starts on the
// answer that loses nothing, Escape means "no", and it goes back where it was after.
import { h, uid } from '../dom.js';
import { t } from '../i18n.js';

let open = null;

/**
 * Shows a dialog: `title`, `message`, an optional text `field` ({ label, value, hint, check }
 * where `check(text)` returns a problem to show, or null), a `yes` and a `no` button. Resolves
 * to the trimmed text (with a field) or true when `yes` is pressed, and null on `no` or Escape.
 */
export function ask({ title, message, field, yes, no = t('lab.dialog.cancel') }) {
  if (open) return Promise.resolve(null);
  return new Promise((resolve) => {
    const back = document.activeElement;
    const titleId = uid('dialog-title');
    const messageId = uid('dialog-message');
    let answer = null;
    let input = null;
    let problem = null;
    let fieldEl = null;
    if (field) {
      const inputId = uid('dialog-field');
      const hintId = field.hint ? uid('dialog-hint') : null;
      problem = h('p', { class: 'field-error', id: uid('dialog-error'), hidden: true });
      input = h('input', { type: 'text', id: inputId, value: field.value ?? '', autocomplete: 'off', maxlength: field.maxLength ?? null, 'aria-describedby': [hintId, problem.id].filter(Boolean).join(' ') });
      fieldEl = h('div', { class: 'field' }, h('label', { for: inputId, text: field.label }), input, field.hint ? h('p', { class: 'field-hint', id: hintId, text: field.hint }) : null, problem);
    }
    const noButton = h('button', { type: 'button', class: 'button', text: no, onclick: () => dialog.close() });
    const form = h(
      'form',
      { class: 'lab-dialog-form', novalidate: true },
      h('h2', { id: titleId, class: 'lab-dialog-title', text: title }),
      message ? h('p', { id: messageId, class: 'lab-dialog-message', text: message }) : null,
      fieldEl,
      h('div', { class: 'button-row lab-dialog-buttons' }, h('button', { type: 'submit', class: 'button button--primary', text: yes }), noButton),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (input) {
        const text = input.value.trim();
        const why = field.check?.(text) ?? null;
        problem.hidden = !why;
        problem.textContent = why ?? '';
        input.toggleAttribute('aria-invalid', Boolean(why));
        if (why) {
          input.focus();
          return;
        }
        answer = text;
      } else answer = true;
      dialog.close();
    });
    const dialog = h('dialog', { class: 'lab-dialog', 'aria-labelledby': titleId, 'aria-describedby': message ? messageId : null }, form);
    dialog.addEventListener('close', () => {
      dialog.remove();
      open = null;
      if (back?.isConnected) back.focus();
      resolve(answer);
    });
    document.body.append(dialog);
    open = dialog;
    dialog.showModal();
    if (input) {
      input.focus();
      input.select();
    } else noButton.focus();
  });
}
