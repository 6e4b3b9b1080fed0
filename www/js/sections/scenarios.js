// Scenarios: save the whole view under a name (kept in this browser), open it again, export it
// as a JSON file and import such a file; and the link that reproduces the view.
import { h, replace } from '../dom.js';
import { field } from '../fields.js';
import { t, textLocale } from '../i18n.js';
import * as store from '../scenarios.js';
import { toScenario } from '../state.js';

export default {
  id: 'scenarios',
  get nav() {
    return t('calc.scenarios.nav');
  },
  get title() {
    return t('calc.scenarios.title');
  },
  get intro() {
    return t('calc.scenarios.intro');
  },

  mount(el, app) {
    // The name typed is kept when the page is drawn again in another language.
    const typed = this.ui?.name.value;
    const name = h('input', { type: 'text', autocomplete: 'off', maxlength: '80', value: typed ?? t('calc.scenarios.default_name') });
    const nameField = field({ label: t('calc.scenarios.name'), control: name });
    const file = h('input', { type: 'file', accept: 'application/json,.json' });
    const fileField = field({ label: t('calc.scenarios.import'), control: file });
    const status = h('p', { class: 'scenario-status', role: 'status' });
    const list = h('div', { class: 'saved' });
    const say = (text, isError = false) => {
      status.textContent = text;
      status.classList.toggle('is-error', isError);
    };
    const chosenName = () => name.value.trim() || t('calc.scenarios.default_name');
    this.ui = { list, say, name };

    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      try {
        const scenario = await store.readFile(chosen);
        app.update(scenario.state, { sync: true });
        name.value = scenario.name;
        say(t('calc.scenarios.imported', { name: scenario.name }));
      } catch (e) {
        say(t('calc.scenarios.import_failed', { file: chosen.name, reason: e.message }), true);
      } finally {
        file.value = '';
      }
    });

    replace(
      el,
      h(
        'div',
        { class: 'scenario-actions' },
        nameField.el,
        h('div', { class: 'button-row' },
          h('button', {
            type: 'button',
            class: 'button button--primary',
            text: t('calc.scenarios.save'),
            onclick: () => {
              try {
                store.save(chosenName(), app.state);
                say(t('calc.scenarios.saved', { name: chosenName() }));
              } catch (e) {
                say(t('calc.scenarios.save_failed', { reason: e.message }), true);
              }
              this.renderList(app);
            },
          }),
          h('button', {
            type: 'button',
            class: 'button',
            text: t('calc.scenarios.export_file'),
            onclick: () => {
              const n = chosenName();
              store.download(store.fileName(n), `${JSON.stringify(toScenario(app.state, n), null, 2)}\n`);
              say(t('calc.scenarios.exported', { name: n }));
            },
          }),
          h('button', {
            type: 'button',
            class: 'button',
            text: t('calc.scenarios.copy_link'),
            onclick: async () => {
              try {
                await navigator.clipboard.writeText(location.href);
                say(t('calc.scenarios.link_copied'));
              } catch {
                say(t('calc.scenarios.link_not_copied'), true);
              }
            },
          }),
        ),
        fileField.el,
      ),
      status,
      list,
    );
    this.renderList(app);
  },

  render() {},

  renderList(app) {
    const saved = store.loadSaved();
    const problems = [];
    if (!saved.available) problems.push(h('p', { class: 'notice-error', text: t('calc.scenarios.no_storage') }));
    if (saved.damagedStore) {
      problems.push(
        h('div', { class: 'damaged', role: 'alert' },
          h('p', null, h('strong', { text: t('calc.scenarios.damaged_title') }), ' ', t('calc.scenarios.damaged', { problem: saved.damagedStore.problem })),
          h('button', { type: 'button', class: 'button', text: t('calc.scenarios.download_saved'), onclick: () => store.download('giftsim-saved-scenarios-damaged.json', saved.damagedStore.text) }),
        ),
      );
    }
    for (const backup of saved.backups) {
      problems.push(
        h('div', { class: 'damaged' },
          h('p', { text: t('calc.scenarios.backup', { when: backup.key.slice(-24) }) }),
          h('div', { class: 'button-row' },
            h('button', { type: 'button', class: 'button', text: t('calc.scenarios.download'), onclick: () => store.download('giftsim-saved-scenarios-damaged.json', backup.text) }),
            h('button', { type: 'button', class: 'button button--quiet', text: t('calc.scenarios.delete'), onclick: () => { store.removeBackup(backup.key); this.renderList(app); } }),
          ),
        ),
      );
    }
    const rows = saved.entries.map((entry, index) => {
      const number = index + 1;
      const remove = h('button', { type: 'button', class: 'button button--quiet', text: t('calc.scenarios.delete'), onclick: () => { store.remove(index); this.renderList(app); } });
      if (!entry.scenario) {
        remove.setAttribute('aria-label', t('calc.scenarios.delete_damaged', { number }));
        return h('li', { class: 'saved-item is-damaged' },
          h('span', null, h('strong', { text: t('calc.scenarios.damaged_item', { number }) }), ' ', entry.problem),
          h('div', { class: 'button-row' },
            h('button', { type: 'button', class: 'button', text: t('calc.scenarios.download'), 'aria-label': t('calc.scenarios.download_damaged', { number }), onclick: () => store.download(`giftsim-damaged-${number}.json`, JSON.stringify(entry.raw, null, 2)) }),
            remove,
          ),
        );
      }
      const { name, state } = entry.scenario;
      remove.setAttribute('aria-label', t('calc.scenarios.delete_named', { name }));
      const when = typeof entry.raw.saved_at === 'string' ? new Date(entry.raw.saved_at) : null;
      const savedAt = when && !Number.isNaN(when.getTime()) ? when.toLocaleString(textLocale()) : null;
      return h('li', { class: 'saved-item' },
        h('span', null, h('strong', { text: name }), savedAt ? h('span', { class: 'muted', text: ` ${t('calc.scenarios.saved_at', { when: savedAt })}` }) : null),
        h('div', { class: 'button-row' },
          h('button', { type: 'button', class: 'button', text: t('calc.scenarios.open'), 'aria-label': t('calc.scenarios.open_named', { name }), onclick: () => { app.update(state, { sync: true }); this.ui.say(t('calc.scenarios.opened', { name })); } }),
          h('button', { type: 'button', class: 'button', text: t('calc.scenarios.export'), 'aria-label': t('calc.scenarios.export_named', { name }), onclick: () => store.download(store.fileName(name), `${JSON.stringify(entry.raw, null, 2)}\n`) }),
          remove,
        ),
      );
    });
    replace(
      this.ui.list,
      problems,
      h('h3', { class: 'subhead', text: t('calc.scenarios.saved_here') }),
      rows.length ? h('ul', { class: 'saved-list' }, rows) : h('p', { class: 'muted', text: t('calc.scenarios.none') }),
    );
  },
};
